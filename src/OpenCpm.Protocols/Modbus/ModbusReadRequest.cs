namespace OpenCpm.Protocols.Modbus;

/// <summary>A decoded read request (function 3 or 4) with its MBAP header fields.</summary>
public readonly record struct ModbusReadRequest(ushort TransactionId, byte UnitId, byte Function, ushort Address, ushort Count);
