namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>UnlockConnector.conf: the answer to <see cref="UnlockConnectorRequest"/>.</summary>
public sealed record UnlockConnectorResponse
{
    public required UnlockStatus Status { get; init; }
}
