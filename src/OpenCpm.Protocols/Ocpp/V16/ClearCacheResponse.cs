namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ClearCache.conf: the answer to <see cref="ClearCacheRequest"/>.</summary>
public sealed record ClearCacheResponse
{
    public required ClearCacheStatus Status { get; init; }
}
