namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>StartTransaction.conf: the answer to <see cref="StartTransactionRequest"/>.</summary>
public sealed record StartTransactionResponse
{
    public required IdTagInfo IdTagInfo { get; init; }

    public required int TransactionId { get; init; }
}
