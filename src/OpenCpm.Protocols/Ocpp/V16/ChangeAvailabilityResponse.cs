namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ChangeAvailability.conf: the answer to <see cref="ChangeAvailabilityRequest"/>.</summary>
public sealed record ChangeAvailabilityResponse
{
    public required AvailabilityStatus Status { get; init; }
}
