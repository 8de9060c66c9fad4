using System.CommandLine;
using System.Text.Json;
using OpenCpm.Simulation.Scenarios;

namespace OpenCpm.Cli;

/// <summary>
/// <c>opencpm simulate SCENARIO.json [--strategy opencpm|equal-share] [--json] [--output FILE] [--table] [--plot FILE.svg|png]</c>
/// (scenario-format.md). On a terminal it prints a table of the metrics beside the equal-share baseline; the JSON
/// report goes to standard output with <c>--json</c> (and whenever standard output is not a terminal, for scripts)
/// or to a file with <c>--output</c>.
/// </summary>
internal static class SimulateCommand
{
    private const string Baseline = "equal-share";

    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private sealed record Choices(string Strategy, bool Json, FileInfo? Output, bool Table, FileInfo? Plot);

    public static Command Create()
    {
        var scenario = new Argument<FileInfo>("scenario") { Description = "The scenario file (JSON, scenario-format.md)." };
        var strategy = new Option<string>("--strategy")
        {
            Description = "The allocation strategy: opencpm (default) or equal-share (the manual's plain rule).",
            DefaultValueFactory = _ => "opencpm",
        };
        strategy.AcceptOnlyFromAmong("opencpm", Baseline);
        var json = new Option<bool>("--json") { Description = "Print the report as JSON (the default when standard output is not a terminal)." };
        var output = new Option<FileInfo?>("--output") { Description = "Write the JSON report to this file." };
        var table = new Option<bool>("--table") { Description = "Print the table of metrics beside the equal-share baseline (the default on a terminal)." };
        var plot = new Option<FileInfo?>("--plot") { Description = "Draw the current per phase against the site limit and the vehicles waiting over time to FILE.svg or FILE.png." };

        var command = new Command("simulate", "Run a load-management scenario on a virtual clock and show its metrics (a table on a terminal, else JSON).")
        {
            scenario,
            strategy,
            json,
            output,
            table,
            plot,
        };
        command.SetAction(parse => Run(
            parse.GetValue(scenario)!,
            new Choices(parse.GetValue(strategy)!, parse.GetValue(json), parse.GetValue(output), parse.GetValue(table), parse.GetValue(plot)),
            parse.InvocationConfiguration));
        return command;
    }

    private static int Run(FileInfo file, Choices choices, InvocationConfiguration console)
    {
        if (choices.Plot is { } plotFile && ScenarioPlot.PathProblem(plotFile.FullName) is { } plotProblem)
        {
            console.Error.WriteLine(plotProblem);
            return 2;
        }

        Scenario scenario;
        try
        {
            scenario = ScenarioParser.Parse(File.ReadAllText(file.FullName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"Cannot read the scenario {file.FullName}: {e.Message}");
            return 2;
        }
        catch (ScenarioException e)
        {
            console.Error.WriteLine($"Invalid scenario {file.Name}: {e.Message}");
            return 2;
        }

        var timeline = choices.Plot is null ? null : new ScenarioTimeline();
        var report = new ScenarioRunner(scenario, choices.Strategy).Run(timeline);
        var onTerminal = ReferenceEquals(console.Output, Console.Out) && !Console.IsOutputRedirected;
        var showTable = choices.Table || (onTerminal && !choices.Json);
        var jsonToOutput = choices.Json || (!showTable && choices.Output is null);

        try
        {
            if (choices.Output is { } outputFile)
            {
                File.WriteAllText(outputFile.FullName, JsonSerializer.Serialize(report, ReportJson) + Environment.NewLine);
            }

            if (choices.Plot is { } plotTo)
            {
                ScenarioPlot.Save(report, timeline!, plotTo.FullName);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"Cannot write the report: {e.Message}");
            return 1;
        }

        if (jsonToOutput)
        {
            console.Output.WriteLine(JsonSerializer.Serialize(report, ReportJson));
        }

        if (showTable)
        {
            var baseline = choices.Strategy == Baseline ? null : new ScenarioRunner(scenario, Baseline).Run();
            console.Output.Write(ScenarioTable.Format(report, baseline));
            if (choices.Plot is { } written)
            {
                console.Output.WriteLine($"Plot written to {written.FullName}");
            }
        }

        return 0;
    }
}
