namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>Reset.req (Central System → Charge Point, Core profile).</summary>
public sealed record ResetRequest : IOcppRequest<ResetResponse>
{
    public required ResetType Type { get; init; }
}
