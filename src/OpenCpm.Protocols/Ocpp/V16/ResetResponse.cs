namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>Reset.conf: the answer to <see cref="ResetRequest"/>.</summary>
public sealed record ResetResponse
{
    public required ResetStatus Status { get; init; }
}
