namespace OpenCpm.Protocols.Modbus;

/// <summary>A run of registers read in one request. <see cref="Optional"/> blocks hold only energy values,
/// which a meter may refuse (exception 2) without failing the reading.</summary>
public sealed record RegisterBlock(ModbusFunction Function, ushort Address, ushort Count, bool Optional);
