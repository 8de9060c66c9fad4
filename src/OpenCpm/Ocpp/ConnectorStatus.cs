using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.Ocpp;

/// <summary>What a StatusNotification of one connector says (compared to tell whether it changed).</summary>
internal sealed record ConnectorStatus(ChargePointStatus Status, ChargePointErrorCode ErrorCode, string? Info = null, string? VendorErrorCode = null)
{
    public static ConnectorStatus Available { get; } = new(ChargePointStatus.Available, ChargePointErrorCode.NoError);

    public StatusNotificationRequest ToRequest(int connectorId, DateTimeOffset timestamp) => new()
    {
        ConnectorId = connectorId,
        Status = Status,
        ErrorCode = ErrorCode,
        Info = Info,
        VendorErrorCode = VendorErrorCode,
        Timestamp = timestamp,
    };
}
