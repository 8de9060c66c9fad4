namespace OpenCpm.Protocols.Modbus;

/// <summary>The SunSpec meter model found by discovery: the base ("SunS") address, the model id and its ID register address.</summary>
public sealed record SunSpecModelLocation(ushort BaseAddress, ushort ModelId, ushort ModelAddress, ushort Length);
