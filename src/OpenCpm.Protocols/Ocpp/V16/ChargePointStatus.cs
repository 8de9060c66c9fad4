using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ChargePointStatus, used in StatusNotification.req.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChargePointStatus>))]
public enum ChargePointStatus
{
    Available,
    Preparing,
    Charging,
    SuspendedEVSE,
    SuspendedEV,
    Finishing,
    Reserved,
    Unavailable,
    Faulted,
}
