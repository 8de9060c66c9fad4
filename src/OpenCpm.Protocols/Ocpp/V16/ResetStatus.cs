using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ResetStatus, used in Reset.conf.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResetStatus>))]
public enum ResetStatus
{
    Accepted,
    Rejected,
}
