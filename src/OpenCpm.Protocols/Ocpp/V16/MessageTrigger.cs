using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>MessageTrigger, used in TriggerMessage.req.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MessageTrigger>))]
public enum MessageTrigger
{
    BootNotification,
    DiagnosticsStatusNotification,
    FirmwareStatusNotification,
    Heartbeat,
    MeterValues,
    StatusNotification,
}
