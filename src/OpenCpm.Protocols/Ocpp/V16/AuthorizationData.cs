using System.ComponentModel.DataAnnotations;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>AuthorizationData, used in SendLocalList.req.</summary>
public sealed record AuthorizationData
{
    [MaxLength(20)]
    public required string IdTag { get; init; }

    public IdTagInfo? IdTagInfo { get; init; }
}
