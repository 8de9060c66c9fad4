namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ClearCache.req (Central System → Charge Point, Core profile).</summary>
public sealed record ClearCacheRequest : IOcppRequest<ClearCacheResponse>;
