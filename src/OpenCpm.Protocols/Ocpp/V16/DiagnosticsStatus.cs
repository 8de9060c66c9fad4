using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>DiagnosticsStatus, used in DiagnosticsStatusNotification.req.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DiagnosticsStatus>))]
public enum DiagnosticsStatus
{
    Idle,
    Uploaded,
    UploadFailed,
    Uploading,
}
