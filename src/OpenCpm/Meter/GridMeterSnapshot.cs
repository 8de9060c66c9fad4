namespace OpenCpm.Meter;

/// <summary>
/// What the poller knows at one moment: the settings in force, the connection state, the latest good reading
/// (kept while stale or lost, so its age is visible) and the last error sentence.
/// </summary>
internal sealed record GridMeterSnapshot(GridMeterSettings Settings, GridMeterState State, GridMeterReading? Reading, string? LastError)
{
    public static GridMeterSnapshot NotConfigured { get; } = new(GridMeterSettings.Disabled, GridMeterState.NotConfigured, null, null);

    /// <summary>The reading, only while it is fresh enough to drive load management.</summary>
    public GridMeterReading? FreshReading => State == GridMeterState.Connected ? Reading : null;
}
