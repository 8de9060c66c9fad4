namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ClearChargingProfile.conf: the answer to <see cref="ClearChargingProfileRequest"/>.</summary>
public sealed record ClearChargingProfileResponse
{
    public required ClearChargingProfileStatus Status { get; init; }
}
