using System.ComponentModel.DataAnnotations;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>KeyValue, used in GetConfiguration.conf.</summary>
public sealed record KeyValue
{
    [MaxLength(50)]
    public required string Key { get; init; }

    public required bool Readonly { get; init; }

    [MaxLength(500)]
    public string? Value { get; init; }
}
