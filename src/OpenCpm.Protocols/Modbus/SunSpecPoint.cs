namespace OpenCpm.Protocols.Modbus;

/// <summary>
/// Where a SunSpec meter point sits, as offsets from the model's ID register, in the integer + scale factor
/// models (201–204) and the float models (211–214).
/// </summary>
public sealed record SunSpecPoint(string Name, int IntOffset, bool IsAccumulator, int ScaleFactorOffset, int FloatOffset);
