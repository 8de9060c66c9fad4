using System.ComponentModel.DataAnnotations;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>GetConfiguration.req (Central System → Charge Point, Core profile).</summary>
public sealed record GetConfigurationRequest : IOcppRequest<GetConfigurationResponse>
{
    [MaxLength(50)]
    public IReadOnlyList<string>? Key { get; init; }
}
