namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>StopTransaction.conf: the answer to <see cref="StopTransactionRequest"/>.</summary>
public sealed record StopTransactionResponse
{
    public IdTagInfo? IdTagInfo { get; init; }
}
