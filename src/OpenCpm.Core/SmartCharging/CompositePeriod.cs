namespace OpenCpm.Core.SmartCharging;

/// <summary>One period of a composite schedule: from <paramref name="StartPeriodS"/> seconds after its start, in its unit.</summary>
public readonly record struct CompositePeriod(int StartPeriodS, double Limit);
