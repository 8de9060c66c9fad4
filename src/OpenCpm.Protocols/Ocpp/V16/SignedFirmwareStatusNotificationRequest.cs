namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>SignedFirmwareStatusNotification.req (Charge Point → Central System, security whitepaper).</summary>
public sealed record SignedFirmwareStatusNotificationRequest : IOcppRequest<SignedFirmwareStatusNotificationResponse>
{
    public required SignedFirmwareStatus Status { get; init; }

    public int? RequestId { get; init; }
}
