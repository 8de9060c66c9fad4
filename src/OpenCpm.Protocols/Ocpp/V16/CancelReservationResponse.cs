namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>CancelReservation.conf: the answer to <see cref="CancelReservationRequest"/>.</summary>
public sealed record CancelReservationResponse
{
    public required CancelReservationStatus Status { get; init; }
}
