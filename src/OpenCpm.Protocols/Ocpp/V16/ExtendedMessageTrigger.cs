using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ExtendedMessageTrigger (security whitepaper: MessageTriggerEnumType), used in ExtendedTriggerMessage.req.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExtendedMessageTrigger>))]
public enum ExtendedMessageTrigger
{
    BootNotification,
    LogStatusNotification,
    FirmwareStatusNotification,
    Heartbeat,
    MeterValues,
    SignChargePointCertificate,
    StatusNotification,
}
