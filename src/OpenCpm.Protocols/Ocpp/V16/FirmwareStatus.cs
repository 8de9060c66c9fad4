using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>FirmwareStatus, used in FirmwareStatusNotification.req.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FirmwareStatus>))]
public enum FirmwareStatus
{
    Downloaded,
    DownloadFailed,
    Downloading,
    Idle,
    InstallationFailed,
    Installing,
    Installed,
}
