using System.CommandLine;
using System.Text.Json.Nodes;
using OpenCpm.Cli;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Protocols.Modbus;
using OpenCpm.Simulation.Meters;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Meter;

/// <summary>`opencpm meter …` run in-process through the real command tree.</summary>
public sealed class MeterCommandsTests
{
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLine.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Lists_every_profile_with_its_verification_status()
    {
        var (exitCode, output, error) = await RunAsync("meter", "profiles");

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(MeterProfileCatalog.BuiltIn.Profiles.Count + 1, lines.Length);
        Assert.Matches(@"^tq-em300\s+TQ-Systems / B-control\s+Energy Manager EM300 .*\s+verified\s*$", lines.Single(l => l.StartsWith("tq-em300", StringComparison.Ordinal)));
        Assert.Matches(@"^keba-e10\s+KEBA\s+KeContact E10\s+unverified\s*$", lines.Single(l => l.StartsWith("keba-e10", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Lists_installed_profiles_and_warns_about_bad_files()
    {
        using var data = new TempDirectory();
        var folder = Directory.CreateDirectory(Path.Combine(data.Path, "meter-profiles")).FullName;
        var tq = MeterProfileCatalog.BuiltIn.Find("tq-em300")!;
        await File.WriteAllTextAsync(Path.Combine(folder, "bad.json"), "{}", TestContext.Current.CancellationToken);

        var (exitCode, _, error) = await RunAsync("meter", "profiles", "--data-dir", data.Path);

        Assert.Equal(0, exitCode);
        Assert.Equal("Warning: Meter profile 'bad.json': 'id' is missing.", error.Trim());
        Assert.NotNull(tq);
    }

    [Theory]
    [InlineData("cg-em24-e1")]
    [InlineData("keba-e10")]
    [InlineData("gmc-energymid-em228x-em238x")]
    public async Task Reads_one_sample_as_json(string profileId)
    {
        await using var meter = SimulatedGridMeter.Launch(MeterProfileCatalog.BuiltIn.Find(profileId)!);
        meter.SetHouseholdLoad(new PhaseCurrents(2, 3, 4));
        meter.SetChargingLoad(new PhaseCurrents(10, 10, 0));

        var (exitCode, output, error) = await RunAsync("meter", "read", "--profile", profileId, "--host", "127.0.0.1", "--port", meter.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal("", error);
        Assert.Equal(0, exitCode);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(12, json["currentA"]!["l1"]!.GetValue<double>(), 0.01);
        Assert.Equal(13, json["currentA"]!["l2"]!.GetValue<double>(), 0.01);
        Assert.Equal(4, json["currentA"]!["l3"]!.GetValue<double>(), 0.01);
        Assert.Equal(230, json["voltageV"]!["l2"]!.GetValue<double>(), 0.5);
        Assert.Equal(29 * 230, json["powerW"]!["total"]!.GetValue<double>(), 15.0);
        Assert.Equal(12 * 230, json["powerW"]!["l1"]!.GetValue<double>(), 15.0);
        Assert.True(json["energyImportWh"]!.GetValue<double>() >= 1_000_000);
        Assert.NotNull(json["energyExportWh"]);
    }

    [Fact]
    public async Task Prints_amperes_to_one_decimal_and_watts_volts_and_watt_hours_whole()
    {
        // 61.8 A is 61.79999923706055 A in a float register; 230 V × 61.8 A = 14214 W.
        await using var meter = SimulatedGridMeter.Launch(MeterProfileCatalog.BuiltIn.Find("cg-em24-e1")!);
        meter.SetHouseholdLoad(new PhaseCurrents(61.8, 12.26, 0.04));

        var (exitCode, output, _) = await RunAsync("meter", "read", "--profile", "cg-em24-e1", "--host", "127.0.0.1", "--port", meter.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(0, exitCode);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(("61.8", "12.3", "0"), (json["currentA"]!["l1"]!.ToJsonString(), json["currentA"]!["l2"]!.ToJsonString(), json["currentA"]!["l3"]!.ToJsonString()));
        Assert.Matches(@"^\d+$", json["powerW"]!["l1"]!.ToJsonString());
        Assert.Matches(@"^\d+$", json["voltageV"]!["l1"]!.ToJsonString());
        Assert.Matches(@"^\d+$", json["energyImportWh"]!.ToJsonString());
    }

    [Fact]
    public async Task Exits_1_with_one_sentence_when_the_meter_answers_with_an_exception()
    {
        await using var meter = SimulatedGridMeter.Launch(MeterProfileCatalog.BuiltIn.Find("tq-em300")!);
        meter.Fault = SimulatedMeterFault.ExceptionResponse;
        var port = meter.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (exitCode, output, error) = await RunAsync("meter", "read", "--profile", "tq-em300", "--host", "127.0.0.1", "--port", port);

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.Equal($"The meter at 127.0.0.1:{port} answered read holding registers (function 3) at address 0 with exception 4 (server device failure).", error.Trim());
    }

    [Fact]
    public async Task Exits_1_with_one_sentence_when_the_meter_cannot_be_reached()
    {
        var port = FreePort.Tcp();
        var (exitCode, _, error) = await RunAsync("meter", "read", "--profile", "tq-em300", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(1, exitCode);
        Assert.Equal($"Could not connect to the meter at 127.0.0.1:{port} (ConnectionRefused).", error.Trim());
    }

    [Theory]
    [InlineData("Unknown meter profile 'nope'; `opencpm meter profiles` lists the known ones.", "--profile", "nope", "--host", "127.0.0.1")]
    [InlineData("Option '--host' is required.", "--profile", "tq-em300")]
    [InlineData("Option '--profile' is required.", "--host", "127.0.0.1")]
    [InlineData("Option '--unit' must be 0..255 but was 300.", "--profile", "tq-em300", "--host", "127.0.0.1", "--unit", "300")]
    public async Task Exits_2_on_bad_usage(string message, params string[] args)
    {
        var (exitCode, _, error) = await RunAsync(["meter", "read", .. args]);

        Assert.Equal(2, exitCode);
        Assert.Equal(message, error.Trim());
    }
}
