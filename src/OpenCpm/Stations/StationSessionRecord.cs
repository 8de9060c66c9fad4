namespace OpenCpm.Stations;

/// <summary>A session from the station's own log.</summary>
public sealed record StationSessionRecord
{
    public required long SessionId { get; init; }

    public bool Ended { get; init; }

    /// <summary>Station time as it reports it (<c>YYYY-MM-DD hh:mm:ss.000</c> UTC, or uptime digits without a clock).</summary>
    public string Started { get; init; } = "";

    public string EndedAt { get; init; } = "";

    public double EnergyWh { get; init; }

    /// <summary>Meter reading at session start.</summary>
    public double MeterStartWh { get; init; }

    /// <summary>16 hex digits; null when no card was used.</summary>
    public string? RfidTag { get; init; }

    /// <summary>KEBA: 1 unplugged, 10 deauthorized by the card; 0 still running.</summary>
    public int EndReason { get; init; }
}
