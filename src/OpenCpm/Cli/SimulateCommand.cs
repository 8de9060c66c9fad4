using System.CommandLine;
using System.Text.Json;
using OpenCpm.Simulation.Scenarios;

namespace OpenCpm.Cli;

/// <summary><c>opencpm simulate SCENARIO.json [--strategy opencpm|equal-share] [--output FILE]</c> (scenario-format.md).</summary>
internal static class SimulateCommand
{
    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var scenario = new Argument<FileInfo>("scenario") { Description = "The scenario file (JSON, scenario-format.md)." };
        var strategy = new Option<string>("--strategy")
        {
            Description = "The allocation strategy: opencpm (default) or equal-share (the manual's plain rule).",
            DefaultValueFactory = _ => "opencpm",
        };
        strategy.AcceptOnlyFromAmong("opencpm", "equal-share");
        var output = new Option<FileInfo?>("--output") { Description = "Write the report to this file instead of standard output." };

        var command = new Command("simulate", "Run a load-management scenario on a virtual clock and print its metrics as JSON.")
        {
            scenario,
            strategy,
            output,
        };
        command.SetAction(parse => Run(parse.GetValue(scenario)!, parse.GetValue(strategy)!, parse.GetValue(output), parse.InvocationConfiguration));
        return command;
    }

    private static int Run(FileInfo file, string strategy, FileInfo? output, InvocationConfiguration console)
    {
        Scenario scenario;
        try
        {
            scenario = ScenarioParser.Parse(File.ReadAllText(file.FullName));
        }
        catch (IOException e)
        {
            console.Error.WriteLine($"Cannot read the scenario {file.FullName}: {e.Message}");
            return 2;
        }
        catch (UnauthorizedAccessException e)
        {
            console.Error.WriteLine($"Cannot read the scenario {file.FullName}: {e.Message}");
            return 2;
        }
        catch (ScenarioException e)
        {
            console.Error.WriteLine($"Invalid scenario {file.Name}: {e.Message}");
            return 2;
        }

        var report = new ScenarioRunner(scenario, strategy).Run();
        var json = JsonSerializer.Serialize(report, ReportJson);
        if (output is null)
        {
            console.Output.WriteLine(json);
        }
        else
        {
            File.WriteAllText(output.FullName, json + Environment.NewLine);
        }

        return 0;
    }
}
