namespace OpenCpm.Core.SmartCharging;

public sealed partial class ChargingProfileSet
{
    /// <summary>The most periods a composite schedule reports; a longer one ends early (its duration says where).</summary>
    public const int MaxCompositePeriods = 1000;

    /// <summary>
    /// The composite schedule of <paramref name="connectorId"/> from <paramref name="start"/> for
    /// <paramref name="durationS"/> seconds: per interval the lower of <see cref="LimitAt"/> and
    /// <paramref name="localLimitA"/> (the station's or the site's own maximum), in <paramref name="unit"/> (null = W
    /// when every profile that could apply is in W, else A). Periods start at whole seconds: where a limit changes
    /// within a second, that second has the lowest limit of the second, so the schedule never shows more than the
    /// profiles allow.
    /// </summary>
    public CompositeSchedule Composite(
        int connectorId, DateTimeOffset start, int durationS, ChargingRateUnit? unit, double localLimitA, SmartChargingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfNegative(durationS);
        var end = start.AddSeconds(durationS);
        var steps = new List<(double OffsetS, double LimitA)> { (0, LimitOrLocal(connectorId, start, localLimitA, context)) };
        var at = start;
        while (steps.Count < MaxCompositePeriods && NextChangeAfter(at, context) is { } next && next < end)
        {
            at = next;
            steps.Add(((at - start).TotalSeconds, LimitOrLocal(connectorId, at, localLimitA, context)));
        }

        var coveredS = steps.Count < MaxCompositePeriods ? durationS : (int)Math.Floor(steps[^1].OffsetS);
        var periods = WholeSeconds(steps, coveredS);
        var chosen = unit ?? DefaultUnit(connectorId);
        var phases = context.PhasesOf(connectorId);
        return new CompositeSchedule(
            connectorId, start, coveredS, chosen,
            [.. periods.Select(p => p with { Limit = ChargingRateConverter.FromAmps(p.Limit, chosen, context.NominalVoltageV, phases) })]);
    }

    private double LimitOrLocal(int connectorId, DateTimeOffset at, double localLimitA, SmartChargingContext context) =>
        Math.Min(LimitAt(connectorId, at, context)?.LimitA ?? double.PositiveInfinity, localLimitA);

    /// <summary>
    /// Periods at whole seconds from steps at any offset: a second in which the limit changes gets the lowest limit of
    /// that second, the next second the limit after the changes.
    /// </summary>
    private static List<CompositePeriod> WholeSeconds(List<(double OffsetS, double LimitA)> steps, int durationS)
    {
        var periods = new List<CompositePeriod>();
        var current = steps[0].LimitA;
        Add(periods, 0, current);
        var i = 1;
        while (i < steps.Count)
        {
            var second = Math.Floor(steps[i].OffsetS);
            var lowest = steps[i].OffsetS == second ? double.PositiveInfinity : current;
            var fractional = false;
            while (i < steps.Count && Math.Floor(steps[i].OffsetS) == second)
            {
                fractional |= steps[i].OffsetS != second;
                lowest = Math.Min(lowest, steps[i].LimitA);
                current = steps[i].LimitA;
                i++;
            }

            if (second < durationS)
            {
                Add(periods, (int)second, lowest);
            }

            if (fractional && second + 1 < durationS)
            {
                Add(periods, (int)second + 1, current);
            }
        }

        return periods;
    }

    /// <summary>Appends a period, or replaces the last one when it starts at the same second; equal neighbours merge.</summary>
    private static void Add(List<CompositePeriod> periods, int startS, double limit)
    {
        if (periods.Count > 0 && periods[^1].StartPeriodS == startS)
        {
            periods.RemoveAt(periods.Count - 1);
        }

        if (periods.Count > 0 && periods[^1].Limit == limit)
        {
            return;
        }

        periods.Add(new CompositePeriod(startS, limit));
    }

    private ChargingRateUnit DefaultUnit(int connectorId)
    {
        var relevant = _profiles.Where(p => p.ConnectorId == 0 || p.ConnectorId == connectorId).ToArray();
        return relevant.Length > 0 && relevant.All(p => p.Profile.Schedule.Unit == ChargingRateUnit.W) ? ChargingRateUnit.W : ChargingRateUnit.A;
    }
}
