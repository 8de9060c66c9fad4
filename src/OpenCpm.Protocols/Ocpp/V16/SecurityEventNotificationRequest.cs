using System.ComponentModel.DataAnnotations;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>SecurityEventNotification.req (Charge Point → Central System, security whitepaper).</summary>
public sealed record SecurityEventNotificationRequest : IOcppRequest<SecurityEventNotificationResponse>
{
    [MaxLength(50)]
    public required string Type { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    [MaxLength(255)]
    public string? TechInfo { get; init; }
}
