using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>UnlockStatus, used in UnlockConnector.conf.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UnlockStatus>))]
public enum UnlockStatus
{
    Unlocked,
    UnlockFailed,
    NotSupported,
}
