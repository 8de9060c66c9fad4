using System.ComponentModel.DataAnnotations;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ReserveNow.req (Central System → Charge Point, Reservation profile).</summary>
public sealed record ReserveNowRequest : IOcppRequest<ReserveNowResponse>
{
    public required int ConnectorId { get; init; }

    public required DateTimeOffset ExpiryDate { get; init; }

    [MaxLength(20)]
    public required string IdTag { get; init; }

    [MaxLength(20)]
    public string? ParentIdTag { get; init; }

    public required int ReservationId { get; init; }
}
