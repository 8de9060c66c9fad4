using System.ComponentModel.DataAnnotations;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>IdTagInfo, used in Authorize.conf, SendLocalList.req, StartTransaction.conf, StopTransaction.conf.</summary>
public sealed record IdTagInfo
{
    public DateTimeOffset? ExpiryDate { get; init; }

    [MaxLength(20)]
    public string? ParentIdTag { get; init; }

    public required AuthorizationStatus Status { get; init; }
}
