namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ChargingSchedulePeriod, used in GetCompositeSchedule.conf, RemoteStartTransaction.req, SetChargingProfile.req.</summary>
public sealed record ChargingSchedulePeriod
{
    public required int StartPeriod { get; init; }

    [MultipleOf(0.1)]
    public required decimal Limit { get; init; }

    public int? NumberPhases { get; init; }
}
