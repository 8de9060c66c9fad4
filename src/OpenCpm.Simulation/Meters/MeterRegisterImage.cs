using OpenCpm.Protocols.Modbus;

namespace OpenCpm.Simulation.Meters;

/// <summary>
/// The registers a meter described by a profile would hold for given <see cref="MeterValues"/>: the inverse of
/// <see cref="MeterProfileReader"/>. Register maps get each value encoded with its type, word order, scale and
/// exponent; SunSpec profiles get a full SunSpec layout ("SunS", common model, one meter model, end model).
/// Reading an address the image does not hold answers exception 2, like a real meter.
/// </summary>
public sealed class MeterRegisterImage : IModbusRegisterReader
{
    private readonly Dictionary<(ModbusFunction Function, ushort Address), ushort> _registers = [];

    private MeterRegisterImage()
    {
    }

    public int Count => _registers.Count;

    public static MeterRegisterImage For(MeterProfile profile, MeterValues values, SunSpecLayout? sunSpec = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(values);
        var image = new MeterRegisterImage();
        if (!profile.PowerPositiveIsImport)
        {
            values = values with
            {
                PowerL1W = -values.PowerL1W,
                PowerL2W = -values.PowerL2W,
                PowerL3W = -values.PowerL3W,
                PowerTotalW = -values.PowerTotalW,
            };
        }

        if (profile.Protocol == MeterProfileProtocol.SunSpec)
        {
            var layout = sunSpec ?? SunSpecLayout.For(profile);
            SunSpecImageWriter.Write(layout, profile, values, (address, word) => image._registers[(ModbusFunction.ReadHoldingRegisters, address)] = word);
        }
        else
        {
            RegisterMapImageWriter.Write(profile, values, (function, address, word) => image._registers[(function, address)] = word);
        }

        return image;
    }

    public bool TryRead(ModbusFunction function, ushort address, ushort count, Span<ushort> destination)
    {
        for (var i = 0; i < count; i++)
        {
            if (address + i > ushort.MaxValue || !_registers.TryGetValue((function, (ushort)(address + i)), out var word))
            {
                return false;
            }

            destination[i] = word;
        }

        return true;
    }

    public ValueTask<ushort[]> ReadRegistersAsync(ModbusFunction functionCode, ushort address, ushort count, CancellationToken cancellationToken)
    {
        var words = new ushort[count];
        return TryRead(functionCode, address, count, words)
            ? ValueTask.FromResult(words)
            : ValueTask.FromException<ushort[]>(new ModbusException(
                $"The simulated meter answered {ModbusExceptionCodes.DescribeFunction((byte)functionCode)} at address {address} with exception 2 (illegal data address).",
                ModbusFailure.ExceptionResponse,
                ModbusExceptionCodes.IllegalDataAddress));
    }
}
