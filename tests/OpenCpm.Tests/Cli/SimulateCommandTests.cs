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
    public async Task Prints_a_table_of_the_metrics_beside_the_equal_share_baseline_with_what_each_means()
    {
        using var folder = new TempDirectory();
        var file = folder.File("cli-two.json");
        await File.WriteAllTextAsync(file, Scenario, Ct);
        var opencpm = JsonNode.Parse((await InvokeAsync("simulate", file, "--json")).Output)!;
        var equalShare = JsonNode.Parse((await InvokeAsync("simulate", file, "--json", "--strategy", "equal-share")).Output)!;

        var (exitCode, output, error) = await InvokeAsync("simulate", file, "--table");

        Assert.Equal((0, ""), (exitCode, error));
        var lines = output.Split(Environment.NewLine);
        Assert.Equal("Scenario cli-two: opencpm beside the equal-share baseline (the manual's plain rule)", lines[0]);
        Assert.Matches(@"^metric\s+opencpm\s+equal-share\s+what it means$", lines[2]);
        var delivered = Assert.Single(lines, l => l.StartsWith("deliveredEnergyWh [kWh] ", StringComparison.Ordinal));
        var kWh = (JsonNode r) => (r["deliveredEnergyWh"]!.GetValue<double>() / 1000).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Matches($@"^deliveredEnergyWh \[kWh\]\s+{kWh(opencpm)}\s+{kWh(equalShare)}\s+what the vehicles got$", delivered);
        Assert.Contains(lines, l => l.StartsWith("commandedOverloadAs [A·s] ", StringComparison.Ordinal) && l.EndsWith("(must be 0)", StringComparison.Ordinal));
        Assert.Contains("docs/load-management-metrics.md", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plot.png")]
    [InlineData("plot.svg")]
    public async Task Draws_the_phase_currents_against_the_limit_and_the_queue(string name)
    {
        using var folder = new TempDirectory();
        var file = folder.File("cli-two.json");
        await File.WriteAllTextAsync(file, Scenario, Ct);

        var (exitCode, output, error) = await InvokeAsync("simulate", file, "--plot", folder.File(name), "--json");

        Assert.Equal((0, ""), (exitCode, error));
        Assert.Equal("cli-two", JsonNode.Parse(output)!["scenario"]!.GetValue<string>());
        var bytes = await File.ReadAllBytesAsync(folder.File(name), Ct);
        if (name.EndsWith(".png", StringComparison.Ordinal))
        {
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
            Assert.True(bytes.Length > 10_000, $"{bytes.Length} bytes");
        }
        else
        {
            var svg = System.Text.Encoding.UTF8.GetString(bytes);
            Assert.Contains("<svg", svg, StringComparison.Ordinal);
            Assert.Contains("site limit", svg, StringComparison.Ordinal);
            Assert.Contains("vehicles waiting", svg, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Refuses_a_plot_file_that_is_neither_svg_nor_png_with_exit_code_2()
    {
        var (exitCode, _, error) = await InvokeAsync("simulate", "x.json", "--plot", "plot.pdf");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("--plot must name an .svg or .png file", error, StringComparison.Ordinal);
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
