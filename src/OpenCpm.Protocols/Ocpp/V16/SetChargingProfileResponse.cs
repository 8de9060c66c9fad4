namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>SetChargingProfile.conf: the answer to <see cref="SetChargingProfileRequest"/>.</summary>
public sealed record SetChargingProfileResponse
{
    public required ChargingProfileStatus Status { get; init; }
}
