using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ClearCacheStatus, used in ClearCache.conf.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClearCacheStatus>))]
public enum ClearCacheStatus
{
    Accepted,
    Rejected,
}
