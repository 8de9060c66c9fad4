namespace OpenCpm.Meter;

/// <summary>The connection state as a pure function of the settings and the times of configuration and of the last good reading.</summary>
public static class GridMeterHealth
{
    public static GridMeterState Evaluate(GridMeterSettings settings, DateTimeOffset configuredAt, DateTimeOffset? lastReadingAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.IsConfigured)
        {
            return GridMeterState.NotConfigured;
        }

        if (lastReadingAt is not { } last)
        {
            return now - configuredAt > settings.EffectiveLostAfter ? GridMeterState.Lost : GridMeterState.Connecting;
        }

        var age = now - last;
        return age > settings.EffectiveLostAfter
            ? GridMeterState.Lost
            : age > settings.EffectiveStaleAfter ? GridMeterState.Stale : GridMeterState.Connected;
    }
}
