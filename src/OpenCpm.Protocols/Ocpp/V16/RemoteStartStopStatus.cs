using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>RemoteStartStopStatus, used in RemoteStartTransaction.conf, RemoteStopTransaction.conf.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RemoteStartStopStatus>))]
public enum RemoteStartStopStatus
{
    Accepted,
    Rejected,
}
