namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>CancelReservation.req (Central System → Charge Point, Reservation profile).</summary>
public sealed record CancelReservationRequest : IOcppRequest<CancelReservationResponse>
{
    public required int ReservationId { get; init; }
}
