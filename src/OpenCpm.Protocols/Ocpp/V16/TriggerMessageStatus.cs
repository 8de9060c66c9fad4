using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>TriggerMessageStatus, used in ExtendedTriggerMessage.conf, TriggerMessage.conf.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TriggerMessageStatus>))]
public enum TriggerMessageStatus
{
    Accepted,
    Rejected,
    NotImplemented,
}
