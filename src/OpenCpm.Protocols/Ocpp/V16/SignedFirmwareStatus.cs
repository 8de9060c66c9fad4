using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>SignedFirmwareStatus (security whitepaper: FirmwareStatusEnumType), used in SignedFirmwareStatusNotification.req.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SignedFirmwareStatus>))]
public enum SignedFirmwareStatus
{
    Downloaded,
    DownloadFailed,
    Downloading,
    DownloadScheduled,
    DownloadPaused,
    Idle,
    InstallationFailed,
    Installing,
    Installed,
    InstallRebooting,
    InstallScheduled,
    InstallVerificationFailed,
    InvalidSignature,
    SignatureVerified,
}
