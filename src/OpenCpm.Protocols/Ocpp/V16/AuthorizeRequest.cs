using System.ComponentModel.DataAnnotations;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>Authorize.req (Charge Point → Central System, Core profile).</summary>
public sealed record AuthorizeRequest : IOcppRequest<AuthorizeResponse>
{
    [MaxLength(20)]
    public required string IdTag { get; init; }
}
