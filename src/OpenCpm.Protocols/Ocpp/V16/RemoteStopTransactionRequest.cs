namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>RemoteStopTransaction.req (Central System → Charge Point, Core profile).</summary>
public sealed record RemoteStopTransactionRequest : IOcppRequest<RemoteStopTransactionResponse>
{
    public required int TransactionId { get; init; }
}
