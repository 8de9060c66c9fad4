namespace OpenCpm.Core.SmartCharging;

/// <summary>A charging schedule: periods of limits from a start, for a duration or until further notice.</summary>
public sealed record ChargingSchedule
{
    public required ChargingRateUnit Unit { get; init; }

    /// <summary>The periods in ascending <see cref="ChargingSchedulePeriod.StartPeriodS"/>, the first at 0.</summary>
    public required IReadOnlyList<ChargingSchedulePeriod> Periods { get; init; }

    /// <summary>How long the schedule lasts from its start; null = the last period holds on.</summary>
    public int? DurationS { get; init; }

    /// <summary>The start of an Absolute or Recurring schedule.</summary>
    public DateTimeOffset? StartSchedule { get; init; }

    /// <summary>The least rate the vehicle charges efficiently at, in <see cref="Unit"/>; null = none.</summary>
    public double? MinChargingRate { get; init; }
}
