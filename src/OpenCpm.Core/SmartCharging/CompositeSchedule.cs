namespace OpenCpm.Core.SmartCharging;

/// <summary>
/// What a connector may take from <see cref="Start"/> for <see cref="DurationS"/> seconds (GetCompositeSchedule): the
/// lowest of the profiles in force and the local limit, period by period.
/// </summary>
public sealed record CompositeSchedule(int ConnectorId, DateTimeOffset Start, int DurationS, ChargingRateUnit Unit, IReadOnlyList<CompositePeriod> Periods)
{
    /// <summary>The period covering <paramref name="at"/>, or null outside the schedule.</summary>
    public CompositePeriod? PeriodAt(DateTimeOffset at)
    {
        var offsetS = (at - Start).TotalSeconds;
        if (offsetS < 0 || offsetS >= DurationS)
        {
            return null;
        }

        CompositePeriod? found = null;
        foreach (var period in Periods)
        {
            if (period.StartPeriodS > offsetS)
            {
                break;
            }

            found = period;
        }

        return found;
    }
}
