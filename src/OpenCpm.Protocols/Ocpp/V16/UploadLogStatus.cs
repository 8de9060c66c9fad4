using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>UploadLogStatus (security whitepaper: UploadLogStatusEnumType), used in LogStatusNotification.req.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UploadLogStatus>))]
public enum UploadLogStatus
{
    BadMessage,
    Idle,
    NotSupportedOperation,
    PermissionDenied,
    Uploaded,
    UploadFailure,
    Uploading,
}
