namespace OpenCpm.Core.SmartCharging;

/// <summary>One period of a schedule: from <paramref name="StartPeriodS"/> seconds after the schedule's start until the next period.</summary>
/// <param name="StartPeriodS">Seconds after the schedule's start; the first period starts at 0.</param>
/// <param name="Limit">In the schedule's unit (A per phase or W in total).</param>
/// <param name="NumberPhases">The phases the backend allows (1 to 3); null = 3. Kept and shown; the stations can't switch phases.</param>
public sealed record ChargingSchedulePeriod(int StartPeriodS, double Limit, int? NumberPhases = null);
