namespace OpenCpm.Protocols.Modbus;

/// <summary>
/// A decoded response to a read request: either the registers or, when <see cref="ExceptionCode"/> is set,
/// the meter's exception response.
/// </summary>
public sealed record ModbusResponse(ushort TransactionId, byte UnitId, byte Function, ushort[] Registers, byte? ExceptionCode)
{
    public bool IsException => ExceptionCode is not null;
}
