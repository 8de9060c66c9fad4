namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ClearChargingProfile.req (Central System → Charge Point, SmartCharging profile).</summary>
public sealed record ClearChargingProfileRequest : IOcppRequest<ClearChargingProfileResponse>
{
    public int? Id { get; init; }

    public int? ConnectorId { get; init; }

    public ChargingProfilePurposeType? ChargingProfilePurpose { get; init; }

    public int? StackLevel { get; init; }
}
