namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>FirmwareStatusNotification.req (Charge Point → Central System, FirmwareManagement profile).</summary>
public sealed record FirmwareStatusNotificationRequest : IOcppRequest<FirmwareStatusNotificationResponse>
{
    public required FirmwareStatus Status { get; init; }
}
