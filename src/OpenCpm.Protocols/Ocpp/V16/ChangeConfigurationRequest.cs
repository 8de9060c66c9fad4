using System.ComponentModel.DataAnnotations;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>ChangeConfiguration.req (Central System → Charge Point, Core profile).</summary>
public sealed record ChangeConfigurationRequest : IOcppRequest<ChangeConfigurationResponse>
{
    [MaxLength(50)]
    public required string Key { get; init; }

    [MaxLength(500)]
    [Sensitive]
    public required string Value { get; init; }
}
