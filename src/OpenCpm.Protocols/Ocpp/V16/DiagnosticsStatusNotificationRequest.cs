namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>DiagnosticsStatusNotification.req (Charge Point → Central System, FirmwareManagement profile).</summary>
public sealed record DiagnosticsStatusNotificationRequest : IOcppRequest<DiagnosticsStatusNotificationResponse>
{
    public required DiagnosticsStatus Status { get; init; }
}
