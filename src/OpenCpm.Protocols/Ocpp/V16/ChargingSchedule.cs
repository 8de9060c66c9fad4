namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ChargingSchedule, used in GetCompositeSchedule.conf, RemoteStartTransaction.req, SetChargingProfile.req.</summary>
public sealed record ChargingSchedule
{
    public int? Duration { get; init; }

    public DateTimeOffset? StartSchedule { get; init; }

    public required ChargingRateUnitType ChargingRateUnit { get; init; }

    public required IReadOnlyList<ChargingSchedulePeriod> ChargingSchedulePeriod { get; init; }

    [MultipleOf(0.1)]
    public decimal? MinChargingRate { get; init; }
}
