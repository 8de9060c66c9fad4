using System.CommandLine;
using System.Text.Json.Nodes;
using OpenCpm.Cli;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Cli;

public sealed class SimulateCommandTests
{
    private const string Scenario = """
        {
          "name": "cli-two",
          "durationSeconds": 600,
          "site": { "maxCurrentA": 32, "meter": { "pollSeconds": 1 } },
          "chargePoints": [ { "id": "cp1", "maxCurrentA": 32 }, { "id": "cp2", "maxCurrentA": 16, "connection": "singlePhase", "phase": "L2" } ],
          "householdLoad": [ { "t": 0, "l1": 5, "l2": 5, "l3": 5 } ],
          "vehicles": [
            { "id": "ev1", "chargePoint": "cp1", "arrive": 0, "depart": 600, "maxCurrentA": 32, "batteryWh": 60000, "initialSoc": 0.2 },
            { "id": "ev2", "chargePoint": "cp2", "arrive": 60, "depart": 600, "phases": 1, "maxCurrentA": 16, "batteryWh": 40000, "initialSoc": 0.5 }
          ]
        }
        """;

    /// <summary>The metric fields of scenario-format.md "Output".</summary>
    private static readonly string[] MetricFields =
    [
        "scenario", "strategy", "commandedOverloadAs", "physicalOverloadAs", "maxPhysicalOverloadA", "demandEnergyWh",
        "deliveredEnergyWh", "availableEnergyWh", "utilization", "jainFairness", "maxWaitSeconds", "unservedVehicles",
        "setpointCommands", "allocationsComputed", "meanAllocationMicros",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Prints_every_metric_of_a_valid_scenario_as_json()
    {
        using var folder = new TempDirectory();
        var file = folder.File("cli-two.json");
        await File.WriteAllTextAsync(file, Scenario, Ct);

        var (exitCode, output, error) = await InvokeAsync("simulate", file);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        var report = JsonNode.Parse(output)!.AsObject();
        foreach (var field in MetricFields)
        {
            Assert.True(report.ContainsKey(field), $"The report lacks \"{field}\": {output}");
        }

        Assert.Equal("cli-two", report["scenario"]!.GetValue<string>());
        Assert.Equal("opencpm", report["strategy"]!.GetValue<string>());
        Assert.Equal(0, report["commandedOverloadAs"]!.GetValue<double>());
        Assert.Equal(600, report["allocationsComputed"]!.GetValue<long>());
        Assert.True(report["deliveredEnergyWh"]!.GetValue<double>() > 0);
    }

    [Fact]
    public async Task Runs_the_equal_share_strategy_when_asked()
    {
        using var folder = new TempDirectory();
        var file = folder.File("cli-two.json");
        await File.WriteAllTextAsync(file, Scenario, Ct);

        var (exitCode, output, _) = await InvokeAsync("simulate", file, "--strategy", "equal-share");

        Assert.Equal(0, exitCode);
        Assert.Equal("equal-share", JsonNode.Parse(output)!["strategy"]!.GetValue<string>());
    }

    [Fact]
    public async Task Writes_the_report_to_the_output_file()
    {
        using var folder = new TempDirectory();
        var file = folder.File("cli-two.json");
        var reportFile = folder.File("report.json");
        await File.WriteAllTextAsync(file, Scenario, Ct);

        var (exitCode, output, error) = await InvokeAsync("simulate", file, "--output", reportFile);

        Assert.Equal(0, exitCode);
        Assert.Equal("", output);
        Assert.Equal("", error);
        var report = JsonNode.Parse(await File.ReadAllTextAsync(reportFile, Ct))!.AsObject();
        Assert.Equal("cli-two", report["scenario"]!.GetValue<string>());
        Assert.All(MetricFields, field => Assert.True(report.ContainsKey(field), field));
    }

    [Fact]
    public async Task Refuses_an_invalid_scenario_with_exit_code_2_and_one_sentence_naming_the_field()
    {
        using var folder = new TempDirectory();
        var file = folder.File("bad.json");
        await File.WriteAllTextAsync(file, Scenario.Replace("\"phases\": 1", "\"phases\": 4", StringComparison.Ordinal), Ct);

        var (exitCode, output, error) = await InvokeAsync("simulate", file);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Equal("Invalid scenario bad.json: $.vehicles[1].phases: must be 1, 2 or 3 but is 4." + Environment.NewLine, error);
    }

    [Fact]
    public async Task Refuses_a_missing_scenario_file_with_exit_code_2()
    {
        using var folder = new TempDirectory();

        var (exitCode, output, error) = await InvokeAsync("simulate", folder.File("absent.json"));

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith($"Cannot read the scenario {folder.File("absent.json")}: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_an_unknown_strategy_with_exit_code_2()
    {
        using var folder = new TempDirectory();
        var file = folder.File("cli-two.json");
        await File.WriteAllTextAsync(file, Scenario, Ct);

        var (exitCode, _, error) = await InvokeAsync("simulate", file, "--strategy", "first-come");

        Assert.Equal(2, exitCode);
        Assert.Contains("first-come", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_an_unknown_option_with_exit_code_2()
    {
        var (exitCode, _, error) = await InvokeAsync("simulate", "x.json", "--speed", "fast");

        Assert.Equal(2, exitCode);
        Assert.Contains("--speed", error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLine.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = error }, Ct);
        return (exitCode, output.ToString(), error.ToString());
    }
}
