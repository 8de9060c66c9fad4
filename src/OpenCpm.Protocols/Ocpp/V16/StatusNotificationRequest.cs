using System.ComponentModel.DataAnnotations;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>StatusNotification.req (Charge Point → Central System, Core profile).</summary>
public sealed record StatusNotificationRequest : IOcppRequest<StatusNotificationResponse>
{
    public required int ConnectorId { get; init; }

    public required ChargePointErrorCode ErrorCode { get; init; }

    [MaxLength(50)]
    public string? Info { get; init; }

    public required ChargePointStatus Status { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    [MaxLength(255)]
    public string? VendorId { get; init; }

    [MaxLength(50)]
    public string? VendorErrorCode { get; init; }
}
