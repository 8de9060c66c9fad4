using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ConfigurationStatus, used in ChangeConfiguration.conf.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConfigurationStatus>))]
public enum ConfigurationStatus
{
    Accepted,
    Rejected,
    RebootRequired,
    NotSupported,
}
