using System.ComponentModel.DataAnnotations;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>RemoteStartTransaction.req (Central System → Charge Point, Core profile).</summary>
public sealed record RemoteStartTransactionRequest : IOcppRequest<RemoteStartTransactionResponse>
{
    public int? ConnectorId { get; init; }

    [MaxLength(20)]
    public required string IdTag { get; init; }

    public ChargingProfile? ChargingProfile { get; init; }
}
