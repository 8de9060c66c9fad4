using OpenCpm.Simulation.Scenarios;
using ScottPlot;

namespace OpenCpm.Cli;

/// <summary>
/// The picture of a scenario run (<c>opencpm simulate --plot FILE.svg|png</c>): the real current on each grid phase at
/// the connection (household plus charging) against the site's limit, and the vehicles waiting for current, over time.
/// </summary>
internal static class ScenarioPlot
{
    public const int Width = 1200;

    public const int Height = 600;

    /// <summary>Null when <paramref name="path"/> names a picture this can write, else why not.</summary>
    public static string? PathProblem(string path) =>
        Path.GetExtension(path).ToUpperInvariant() is ".SVG" or ".PNG" ? null : $"--plot must name an .svg or .png file but was \"{path}\".";

    public static void Save(ScenarioReport report, ScenarioTimeline timeline, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(timeline);
        var points = timeline.Points;
        var minutes = points.Select(p => p.Seconds / 60).ToArray();
        using var plot = new Plot();
        plot.Title($"{report.Scenario} ({report.Strategy})");
        plot.XLabel("minutes");
        plot.YLabel("current at the grid connection (A)");

        var phases = new[] { ("L1", Colors.SaddleBrown), ("L2", Colors.Black), ("L3", Colors.Gray) };
        for (var p = 0; p < 3; p++)
        {
            var phase = (Core.LoadManagement.Phase)p;
            var line = plot.Add.ScatterLine(minutes, points.Select(x => x.GridA[phase]).ToArray(), phases[p].Item2);
            line.LegendText = phases[p].Item1;
            line.LineWidth = 1.5f;
        }

        var limit = plot.Add.ScatterLine(minutes, points.Select(x => double.IsFinite(x.SiteLimitA) ? x.SiteLimitA : double.NaN).ToArray(), Colors.Red);
        limit.LegendText = "site limit";
        limit.LinePattern = LinePattern.Dashed;
        limit.LineWidth = 2;

        var waiting = plot.Add.ScatterLine(minutes, points.Select(x => (double)x.Waiting).ToArray(), Colors.SteelBlue);
        waiting.LegendText = "vehicles waiting";
        waiting.ConnectStyle = ConnectStyle.StepHorizontal;
        waiting.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "vehicles waiting";
        plot.ShowLegend(Alignment.UpperRight);

        if (Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase))
        {
            plot.SaveSvg(path, Width, Height);
        }
        else
        {
            plot.SavePng(path, Width, Height);
        }
    }
}
