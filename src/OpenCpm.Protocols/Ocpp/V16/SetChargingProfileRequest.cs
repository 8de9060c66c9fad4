namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>SetChargingProfile.req (Central System → Charge Point, SmartCharging profile).</summary>
public sealed record SetChargingProfileRequest : IOcppRequest<SetChargingProfileResponse>
{
    public required int ConnectorId { get; init; }

    public required ChargingProfile CsChargingProfiles { get; init; }
}
