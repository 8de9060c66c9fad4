namespace OpenCpm.Api;

/// <summary>
/// GET /api/v1/meter. Today only the settings; the live part (latest reading, connection state) is added by the
/// meter poller's owner as further properties.
/// </summary>
internal sealed record MeterDto(string? Profile, MeterSettingsDto Settings)
{
    /// <summary>connected, connecting, stale, lost or notConfigured.</summary>
    public string State { get; init; } = "notConfigured";

    /// <summary>The latest reading (kept while the meter is stale or lost, with its time).</summary>
    public MeterReadingDto? Reading { get; init; }

    /// <summary>Why the last read failed, if it did.</summary>
    public string? LastError { get; init; }

    /// <summary>Whether the profile's register facts are all verified.</summary>
    public bool? ProfileVerified { get; init; }
}
