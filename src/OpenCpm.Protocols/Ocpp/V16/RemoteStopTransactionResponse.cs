namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>RemoteStopTransaction.conf: the answer to <see cref="RemoteStopTransactionRequest"/>.</summary>
public sealed record RemoteStopTransactionResponse
{
    public required RemoteStartStopStatus Status { get; init; }
}
