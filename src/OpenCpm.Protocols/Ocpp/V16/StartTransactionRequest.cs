using System.ComponentModel.DataAnnotations;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>StartTransaction.req (Charge Point → Central System, Core profile).</summary>
public sealed record StartTransactionRequest : IOcppRequest<StartTransactionResponse>
{
    public required int ConnectorId { get; init; }

    [MaxLength(20)]
    public required string IdTag { get; init; }

    public required int MeterStart { get; init; }

    public int? ReservationId { get; init; }

    public required DateTimeOffset Timestamp { get; init; }
}
