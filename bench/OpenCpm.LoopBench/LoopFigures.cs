namespace OpenCpm.LoopBench;

/// <summary>The figures of the targets, computed from the recorded samples (pure; no clock, no I/O).</summary>
public static class LoopFigures
{
    /// <summary>A reading this far above the limit counts as above it (rounding of the simulated currents).</summary>
    private const double ToleranceA = 0.01;

    /// <summary>The setpoints count as back after a −step within this much of where they were before the +step.</summary>
    private const double RecoveredWithinA = 3;

    public static WindowResult Window(
        string name, double fromS, double toS, double? statusIntervalS, IReadOnlyList<GridPoint> grid, IReadOnlyList<StatusPoint> status,
        double limitA, UsageFigures controller, UsageFigures bench)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(status);
        var (aboveAs, aboveS, _) = Above(grid, limitA, fromS);
        return new WindowResult(
            name,
            Math.Round(toS - fromS, 1),
            statusIntervalS ?? 0,
            Delta(grid, p => p.SetpointCommands),
            Delta(grid, p => p.SetpointChanges),
            Math.Round(aboveAs, 2),
            Math.Round(aboveS, 1),
            Math.Round(grid.Count > 0 ? grid.Max(p => p.GridMaxA) : 0, 2),
            status.Count > 0 ? status.Min(p => p.SetpointL1A) : null,
            status.Count > 0 ? status.Max(p => p.SetpointL1A) : null,
            controller,
            bench);
    }

    /// <summary>
    /// One cycle: <paramref name="upS"/> the +step, <paramref name="downS"/> the −step, <paramref name="endS"/> the end of
    /// the cycle; <paramref name="beforeL1A"/> the L1 setpoint sum just before the +step.
    /// </summary>
    public static StepResult Step(
        int index, double upS, double downS, double endS, double stepA, double beforeL1A, IReadOnlyList<GridPoint> grid, IReadOnlyList<StatusPoint> status, double limitA)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(status);
        var upStatus = status.Where(p => p.AtS >= upS && p.AtS < downS).ToList();
        var downStatus = status.Where(p => p.AtS >= downS && p.AtS <= endS).ToList();
        var upGrid = grid.Where(p => p.AtS >= upS && p.AtS < downS).ToList();
        var downGrid = grid.Where(p => p.AtS >= downS && p.AtS <= endS).ToList();

        var acknowledged = upStatus.FirstOrDefault(p => p.PendingReductions == 0 && p.SetpointL1A <= beforeL1A - (0.95 * stepA));
        var endOfUp = upStatus.Count > 0 ? upStatus[^1].SetpointL1A : beforeL1A;
        var recovered = downStatus.FirstOrDefault(p => p.SetpointL1A >= beforeL1A - RecoveredWithinA);
        var (aboveUpAs, _, lastAboveUp) = Above(upGrid, limitA, upS);
        var (aboveDownAs, _, lastAboveDown) = Above(downGrid, limitA, downS);
        var allGrid = upGrid.Concat(downGrid).ToList();
        return new StepResult(
            index,
            beforeL1A,
            acknowledged is null ? null : Math.Round(acknowledged.AtS - upS, 2),
            Math.Round(beforeL1A - endOfUp, 1),
            upStatus.Count > 0 ? upStatus.Min(p => p.SetpointL1A) : beforeL1A,
            Math.Round(Integrate(upStatus, downS, p => Math.Max(0, beforeL1A - stepA - p.SetpointL1A)), 1),
            Math.Round(aboveUpAs, 2),
            lastAboveUp,
            Math.Round(upGrid.Count > 0 ? upGrid.Max(p => p.GridMaxA) : 0, 2),
            recovered is null ? null : Math.Round(recovered.AtS - downS, 2),
            Math.Round(Integrate(downStatus.TakeWhile(p => p != recovered).ToList(), recovered?.AtS ?? endS, p => Math.Max(0, beforeL1A - p.SetpointL1A)), 1),
            Math.Round(aboveDownAs, 2),
            lastAboveDown,
            Delta(allGrid, p => p.SetpointCommands),
            Delta(allGrid, p => p.SetpointChanges));
    }

    public static StepSummary Summary(IReadOnlyList<StepResult> steps, double stepA, UsageFigures controller, UsageFigures bench)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var times = steps.Where(s => s.AcknowledgedS is not null).Select(s => s.AcknowledgedS!.Value).Order().ToList();
        var lastAbove = steps.Select(s => s.LastAboveUpS).Where(s => s is not null).ToList();
        var recovered = steps.Select(s => s.RecoveredS).Where(s => s is not null).ToList();
        return new StepSummary(
            steps.Count,
            times.Count,
            Percentile(times, 0.5),
            Percentile(times, 0.95),
            times.Count > 0 ? times[^1] : null,
            steps.Count > 0 ? Math.Round(steps.Min(s => s.MovedA) / stepA, 3) : 0,
            steps.Count > 0 ? Math.Round(steps.Max(s => s.MovedA) / stepA, 3) : 0,
            Math.Round(steps.Sum(s => s.AboveLimitUpAs + s.AboveLimitDownAs), 2),
            lastAbove.Count > 0 ? lastAbove.Max() : null,
            recovered.Count == steps.Count && steps.Count > 0 ? recovered.Max() : null,
            steps.Count > 0 ? steps.Max(s => s.UnusedDownAs) : 0,
            steps.Count > 0 ? steps.Max(s => s.WastedUpAs) : 0,
            steps.Count > 0 ? Math.Round(steps.Average(s => s.SetpointCommands), 1) : 0,
            controller,
            bench);
    }

    /// <summary>Linear interpolation between the closest ranks of a sorted list.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return Math.Round(sorted[low] + ((sorted[high] - sorted[low]) * (rank - low)), 2);
    }

    /// <summary>A·s and seconds above the limit, and when (seconds after <paramref name="fromS"/>) the last sample above it was.</summary>
    private static (double AmpereSeconds, double Seconds, double? LastAfterS) Above(IReadOnlyList<GridPoint> grid, double limitA, double fromS)
    {
        double ampereSeconds = 0, seconds = 0;
        double? last = null;
        for (var k = 1; k < grid.Count; k++)
        {
            var excess = grid[k].GridMaxA - limitA;
            if (excess > ToleranceA)
            {
                var dt = grid[k].AtS - grid[k - 1].AtS;
                ampereSeconds += excess * dt;
                seconds += dt;
                last = Math.Round(grid[k].AtS - fromS, 1);
            }
        }

        return (ampereSeconds, seconds, last);
    }

    /// <summary>∫ f over the readings, each holding until the next (the last until <paramref name="untilS"/>).</summary>
    private static double Integrate(List<StatusPoint> points, double untilS, Func<StatusPoint, double> f)
    {
        double sum = 0;
        for (var k = 0; k < points.Count; k++)
        {
            var next = k + 1 < points.Count ? points[k + 1].AtS : untilS;
            sum += f(points[k]) * Math.Max(0, next - points[k].AtS);
        }

        return sum;
    }

    private static long Delta(IReadOnlyList<GridPoint> grid, Func<GridPoint, long> counter) =>
        grid.Count > 1 ? counter(grid[^1]) - counter(grid[0]) : 0;
}
