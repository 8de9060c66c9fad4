using System.ComponentModel.DataAnnotations;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>GetConfiguration.conf: the answer to <see cref="GetConfigurationRequest"/>.</summary>
public sealed record GetConfigurationResponse
{
    public IReadOnlyList<KeyValue>? ConfigurationKey { get; init; }

    [MaxLength(50)]
    public IReadOnlyList<string>? UnknownKey { get; init; }
}
