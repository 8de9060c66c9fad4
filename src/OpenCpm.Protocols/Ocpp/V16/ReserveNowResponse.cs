namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ReserveNow.conf: the answer to <see cref="ReserveNowRequest"/>.</summary>
public sealed record ReserveNowResponse
{
    public required ReservationStatus Status { get; init; }
}
