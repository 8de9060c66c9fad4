namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>RemoteStartTransaction.conf: the answer to <see cref="RemoteStartTransactionRequest"/>.</summary>
public sealed record RemoteStartTransactionResponse
{
    public required RemoteStartStopStatus Status { get; init; }
}
