namespace OpenCpm.Core.SmartCharging;

/// <summary>
/// When one installed profile is in force and with which period: its schedule runs from an origin (Absolute: its
/// startSchedule, else when it was installed; Recurring: its startSchedule, again every day or week; Relative: the
/// connector's transaction start, else when it was installed) for its duration, if any, and never outside
/// validFrom…validTo. A Recurring schedule ends at the latest when the next run starts.
/// </summary>
public static class ChargingProfileTimeline
{
    /// <summary>
    /// The period in force at <paramref name="at"/>, or null when the profile is not (not valid, not started, ended).
    /// <paramref name="transaction"/> is the transaction on the connector the profile is evaluated for (null = none).
    /// </summary>
    public static ChargingSchedulePeriod? PeriodAt(InstalledChargingProfile installed, DateTimeOffset at, ChargingTransaction? transaction)
    {
        ArgumentNullException.ThrowIfNull(installed);
        var profile = installed.Profile;
        if (!profile.IsValidAt(at))
        {
            return null;
        }

        var start = RunStart(installed, at, transaction);
        var offsetS = (at - start).TotalSeconds;
        if (offsetS < 0 || (profile.Schedule.DurationS is { } duration && offsetS >= duration))
        {
            return null;
        }

        ChargingSchedulePeriod? found = null;
        foreach (var period in profile.Schedule.Periods)
        {
            if (period.StartPeriodS > offsetS)
            {
                break;
            }

            found = period;
        }

        return found;
    }

    /// <summary>The first instant after <paramref name="after"/> at which the profile's period or validity may change; null = never.</summary>
    public static DateTimeOffset? NextChangeAfter(InstalledChargingProfile installed, DateTimeOffset after, ChargingTransaction? transaction)
    {
        ArgumentNullException.ThrowIfNull(installed);
        var profile = installed.Profile;
        DateTimeOffset? next = null;
        Consider(ref next, profile.ValidFrom, after);
        Consider(ref next, profile.ValidTo, after);

        var start = RunStart(installed, after, transaction);
        Consider(ref next, start, after);
        foreach (var period in profile.Schedule.Periods)
        {
            Consider(ref next, start.AddSeconds(period.StartPeriodS), after);
        }

        if (profile.Schedule.DurationS is { } duration)
        {
            Consider(ref next, start.AddSeconds(duration), after);
        }

        if (RecurrencePeriod(profile) is { } every)
        {
            Consider(ref next, start + every, after);
        }

        return next;
    }

    /// <summary>
    /// Whether the profile can never be in force again from <paramref name="at"/> on: past its validTo, or an Absolute
    /// schedule whose duration has run out.
    /// </summary>
    public static bool HasEnded(InstalledChargingProfile installed, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(installed);
        var profile = installed.Profile;
        if (profile.ValidTo is { } to && to <= at)
        {
            return true;
        }

        return profile.Kind == ChargingProfileKind.Absolute && profile.Schedule.DurationS is { } duration
            && Origin(installed, null).AddSeconds(duration) <= at;
    }

    /// <summary>The start of the run that covers <paramref name="at"/>, or of the first run when <paramref name="at"/> is before it.</summary>
    public static DateTimeOffset RunStart(InstalledChargingProfile installed, DateTimeOffset at, ChargingTransaction? transaction)
    {
        ArgumentNullException.ThrowIfNull(installed);
        var origin = Origin(installed, transaction);
        if (RecurrencePeriod(installed.Profile) is not { } every || at < origin)
        {
            return origin;
        }

        var runs = (at - origin).Ticks / every.Ticks;
        return origin + TimeSpan.FromTicks(runs * every.Ticks);
    }

    private static DateTimeOffset Origin(InstalledChargingProfile installed, ChargingTransaction? transaction) => installed.Profile.Kind switch
    {
        ChargingProfileKind.Relative => transaction?.StartedAt ?? installed.InstalledAt,
        _ => installed.Profile.Schedule.StartSchedule ?? installed.InstalledAt,
    };

    private static TimeSpan? RecurrencePeriod(ChargingProfile profile) =>
        profile.Kind != ChargingProfileKind.Recurring ? null
        : profile.Recurrency == RecurrencyKind.Weekly ? TimeSpan.FromDays(7) : TimeSpan.FromDays(1);

    private static void Consider(ref DateTimeOffset? next, DateTimeOffset? candidate, DateTimeOffset after)
    {
        if (candidate is { } c && c > after && (next is null || c < next))
        {
            next = c;
        }
    }
}
