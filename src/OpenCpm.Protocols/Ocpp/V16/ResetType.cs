using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ResetType, used in Reset.req.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResetType>))]
public enum ResetType
{
    Hard,
    Soft,
}
