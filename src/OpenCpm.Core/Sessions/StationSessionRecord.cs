namespace OpenCpm.Core.Sessions;

/// <summary>A session from the station's own log, in the controller's terms (the driver translates the protocol's codes).</summary>
public sealed record StationSessionRecord
{
    /// <summary>The station's own number of the session.</summary>
    public required long SessionId { get; init; }

    /// <summary>When it started; null when the station keeps no clock (or the record does not say).</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it ended; null while it runs or when the station keeps no clock.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Why it ended; null while it still runs.</summary>
    public StopReason? EndReason { get; init; }

    public bool Ended => EndReason is not null;

    public double EnergyWh { get; init; }

    /// <summary>Meter reading at session start (0 when the station does not say).</summary>
    public double MeterStartWh { get; init; }

    /// <summary>The card of the session as the station reports it; null when no card was used.</summary>
    public string? RfidTag { get; init; }
}
