namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>GetCompositeSchedule.req (Central System → Charge Point, SmartCharging profile).</summary>
public sealed record GetCompositeScheduleRequest : IOcppRequest<GetCompositeScheduleResponse>
{
    public required int ConnectorId { get; init; }

    public required int Duration { get; init; }

    public ChargingRateUnitType? ChargingRateUnit { get; init; }
}
