namespace OpenCpm.Protocols.Modbus;

/// <summary>The seam between reading a meter profile and the wire: something that returns registers.</summary>
public interface IModbusRegisterReader
{
    /// <summary>Reads <paramref name="count"/> registers starting at <paramref name="address"/> in one request.</summary>
    ValueTask<ushort[]> ReadRegistersAsync(ModbusFunction functionCode, ushort address, ushort count, CancellationToken cancellationToken);
}
