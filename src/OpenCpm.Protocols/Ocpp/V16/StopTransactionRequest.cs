using System.ComponentModel.DataAnnotations;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>StopTransaction.req (Charge Point → Central System, Core profile).</summary>
public sealed record StopTransactionRequest : IOcppRequest<StopTransactionResponse>
{
    [MaxLength(20)]
    public string? IdTag { get; init; }

    public required int MeterStop { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public required int TransactionId { get; init; }

    public Reason? Reason { get; init; }

    public IReadOnlyList<MeterValue>? TransactionData { get; init; }
}
