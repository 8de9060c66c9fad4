namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ChangeAvailability.req (Central System → Charge Point, Core profile).</summary>
public sealed record ChangeAvailabilityRequest : IOcppRequest<ChangeAvailabilityResponse>
{
    public required int ConnectorId { get; init; }

    public required AvailabilityType Type { get; init; }
}
