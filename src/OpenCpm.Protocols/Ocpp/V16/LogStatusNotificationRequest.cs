namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>LogStatusNotification.req (Charge Point → Central System, security whitepaper).</summary>
public sealed record LogStatusNotificationRequest : IOcppRequest<LogStatusNotificationResponse>
{
    public required UploadLogStatus Status { get; init; }

    public int? RequestId { get; init; }
}
