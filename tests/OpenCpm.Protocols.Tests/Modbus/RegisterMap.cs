using OpenCpm.Protocols.Modbus;

namespace OpenCpm.Protocols.Tests.Modbus;

/// <summary>An in-memory register space with hand-written words, answering exception 2 outside them like a meter.</summary>
internal sealed class RegisterMap : IModbusRegisterReader
{
    private readonly Dictionary<(ModbusFunction, ushort), ushort> _words = [];

    public List<(ModbusFunction Function, ushort Address, ushort Count)> Requests { get; } = [];

    public RegisterMap Set(ModbusFunction function, int address, params ushort[] words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            _words[(function, (ushort)(address + i))] = words[i];
        }

        return this;
    }

    public RegisterMap Holding(int address, params ushort[] words) => Set(ModbusFunction.ReadHoldingRegisters, address, words);

    public RegisterMap Input(int address, params ushort[] words) => Set(ModbusFunction.ReadInputRegisters, address, words);

    public ValueTask<ushort[]> ReadRegistersAsync(ModbusFunction functionCode, ushort address, ushort count, CancellationToken cancellationToken)
    {
        Requests.Add((functionCode, address, count));
        var result = new ushort[count];
        for (var i = 0; i < count; i++)
        {
            if (!_words.TryGetValue((functionCode, (ushort)(address + i)), out result[i]))
            {
                throw new ModbusException($"exception 2 at {address}", ModbusFailure.ExceptionResponse, ModbusExceptionCodes.IllegalDataAddress);
            }
        }

        return ValueTask.FromResult(result);
    }
}
