using System.ComponentModel.DataAnnotations;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>DataTransfer.req (either direction, Core profile).</summary>
public sealed record DataTransferRequest : IOcppRequest<DataTransferResponse>
{
    [MaxLength(255)]
    public required string VendorId { get; init; }

    [MaxLength(50)]
    public string? MessageId { get; init; }

    public string? Data { get; init; }
}
