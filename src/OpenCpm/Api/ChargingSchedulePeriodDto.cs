namespace OpenCpm.Api;

/// <summary>One period of a schedule: from <paramref name="StartPeriodS"/> seconds after its start, in its unit.</summary>
internal sealed record ChargingSchedulePeriodDto(int StartPeriodS, double Limit, int? NumberPhases = null);
