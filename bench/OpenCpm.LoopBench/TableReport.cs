using System.Globalization;

namespace OpenCpm.LoopBench;

/// <summary>The results as a plain-text table, the issue's target beside each figure.</summary>
public static class TableReport
{
    public static void Write(LoopBenchResult r, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(Text($"Live loop, {r.Stations} stations, site limit {r.SiteLimitA} A, household {r.HouseholdA} A/phase, step ±{r.StepA} A ({r.At:yyyy-MM-dd HH:mm} UTC, {r.Machine}{(r.Commit is null ? "" : ", commit " + r.Commit)})"));
        output.WriteLine(Text($"settled after {r.SettledAfterS} s at L1 setpoints {r.SettledL1A} A; status errors {r.StatusErrors}"));
        output.WriteLine();
        Row(output, "figure", "measured", "target");
        Row(output, new string('-', 58), new string('-', 32), new string('-', 28));
        foreach (var window in new[] { r.Constant, r.Quiet }.OfType<WindowResult>())
        {
            var name = Text($"{window.Name} {window.Seconds:0} s");
            Row(output, $"{name}: setpoint commands", Text($"{window.SetpointCommands}"), "");
            Row(output, $"{name}: setpoint changes", Text($"{window.SetpointChanges}"), "0");
            Row(output, $"{name}: above the limit", Text($"{window.AboveLimitAs:0.##} A·s, {window.SecondsAboveLimit:0.#} s"), "0 A·s");
            Row(output, $"{name}: max real grid current", Text($"{window.MaxGridA:0.#} A"), Text($"≤ {r.SiteLimitA} A"));
            Row(output, $"{name}: L1 setpoint sum", window.SetpointL1MinA is null ? "- (status not read)" : Text($"{window.SetpointL1MinA:0.#} … {window.SetpointL1MaxA:0.#} A"), "");
            Row(output, window.StatusIntervalS > 0 ? Text($"{name}: controller (status every {window.StatusIntervalS:0.#} s)") : $"{name}: controller (API not called)", Usage(window.Controller), window.Name == "quiet" ? "≤ 10 % at 1,000 stations" : "");
            Row(output, $"{name}: bench (simulated site)", Usage(window.Bench), "");
        }

        if (r.StepSummary is { } s)
        {
            var name = Text($"{s.Steps} steps ±{r.StepA:0} A");
            Row(output, $"{name}: acknowledged p50/p95/max", Text($"{s.AcknowledgedP50S:0.00} / {s.AcknowledgedP95S:0.00} / {s.AcknowledgedMaxS:0.00} s ({s.Acknowledged}/{s.Steps})"), "p95 ≤ 1.5 s (poll + 0.5 s)");
            Row(output, $"{name}: setpoints moved / step", Text($"{s.MovedMinShare:P1} … {s.MovedMaxShare:P1}"), "95 % … 105 %");
            Row(output, $"{name}: capacity taken beyond the step", Text($"≤ {s.WastedUpMaxAs:0.#} A·s per step"), "≤ one station poll");
            Row(output, $"{name}: above the limit", Text($"{s.AboveLimitAs:0.##} A·s, last {s.LastAboveMaxS?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-"} s after"), "only ≤ 4 s after a step");
            Row(output, $"{name}: back after −step", Text($"≤ {s.RecoveredMaxS?.ToString("0.0", CultureInfo.InvariantCulture) ?? "not always"} s, unused ≤ {s.UnusedDownMaxAs:0.#} A·s"), "≤ one station poll");
            Row(output, $"{name}: setpoint commands per cycle", Text($"{s.CommandsPerCycle:0.#}"), "");
            Row(output, $"{name}: controller (status every 0.1 s)", Usage(s.Controller), "");
            Row(output, $"{name}: bench (simulated site)", Usage(s.Bench), "");
            output.WriteLine();
            output.WriteLine("step  before  ack s  moved A  lowest  wasted A·s  above A·s  last above s  back s  unused A·s  commands  changes");
            foreach (var step in r.Steps)
            {
                output.WriteLine(Text($"{step.Index,4}  {step.BeforeL1A,6:0}  {Show(step.AcknowledgedS),5}  {step.MovedA,7:0.0}  {step.LowestL1A,6:0}  {step.WastedUpAs,10:0.#}  {step.AboveLimitUpAs + step.AboveLimitDownAs,9:0.##}  {Show(step.LastAboveUpS ?? step.LastAboveDownS),12}  {Show(step.RecoveredS),6}  {step.UnusedDownAs,10:0.#}  {step.SetpointCommands,8}  {step.SetpointChanges,7}"));
            }
        }
    }

    private static string Usage(UsageFigures u) => Text($"{u.CpuPercent:0.0} % CPU, {u.RssMb:0} MB (peak {u.PeakRssMb:0})");

    private static string Show(double? value) => value?.ToString("0.0#", CultureInfo.InvariantCulture) ?? "-";

    private static void Row(TextWriter output, string figure, string measured, string target) =>
        output.WriteLine(Text($"{figure,-58} {measured,-32} {target}"));

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
