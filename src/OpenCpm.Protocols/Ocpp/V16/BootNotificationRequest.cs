using System.ComponentModel.DataAnnotations;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>BootNotification.req (Charge Point → Central System, Core profile).</summary>
public sealed record BootNotificationRequest : IOcppRequest<BootNotificationResponse>
{
    [MaxLength(20)]
    public required string ChargePointVendor { get; init; }

    [MaxLength(20)]
    public required string ChargePointModel { get; init; }

    [MaxLength(25)]
    public string? ChargePointSerialNumber { get; init; }

    [MaxLength(25)]
    public string? ChargeBoxSerialNumber { get; init; }

    [MaxLength(50)]
    public string? FirmwareVersion { get; init; }

    [MaxLength(20)]
    public string? Iccid { get; init; }

    [MaxLength(20)]
    public string? Imsi { get; init; }

    [MaxLength(25)]
    public string? MeterType { get; init; }

    [MaxLength(25)]
    public string? MeterSerialNumber { get; init; }
}
