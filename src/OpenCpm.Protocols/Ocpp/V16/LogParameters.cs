using System.ComponentModel.DataAnnotations;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>LogParameters (security whitepaper: LogParametersType), used in GetLog.req.</summary>
public sealed record LogParameters
{
    [MaxLength(512)]
    public required string RemoteLocation { get; init; }

    public DateTimeOffset? OldestTimestamp { get; init; }

    public DateTimeOffset? LatestTimestamp { get; init; }
}
