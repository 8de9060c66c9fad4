using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using OpenCpm.Cli;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Demo;

public sealed partial class DemoCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demo_prints_the_web_ui_and_a_first_login_password_that_works_then_stops_on_cancel()
    {
        using var data = new TempDirectory();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        using var output = new SharedOutput();
        var options = DemoApplication.IsolatedOptions(2, 0, data.Path) with { AdminPassword = null };
        var run = DemoCommand.RunAsync(options, output.Writer, TextWriter.Null, stop.Token);

        var printed = await Eventually.ValueAsync(() => FirstLogin().Match(Read(output)) is { Success: true } m ? m : null, TimeSpan.FromSeconds(30), "demo prints the first login");
        var url = WebUi().Match(Read(output)).Groups[1].Value;
        Assert.Contains($"Data folder: {data.Path}", Read(output), StringComparison.Ordinal);
        Assert.Contains("Simulated site: 2 KEBA P30 station(s)", Read(output), StringComparison.Ordinal);

        using var client = new HttpClient { BaseAddress = new Uri(url) };
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = printed.Groups[1].Value }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);

        await stop.CancelAsync();
        Assert.Equal(0, await run);
    }

    [Fact]
    public async Task With_an_admin_password_the_demo_prints_no_first_login()
    {
        using var data = new TempDirectory();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        using var output = new SharedOutput();
        var run = DemoCommand.RunAsync(DemoApplication.IsolatedOptions(1, 0, data.Path), output.Writer, TextWriter.Null, stop.Token);

        await Eventually.TrueAsync(() => Read(output).Contains("Simulated site:", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Matches(WebUi(), Read(output));
        Assert.DoesNotContain("First login", Read(output), StringComparison.Ordinal);

        await stop.CancelAsync();
        Assert.Equal(0, await run);
    }

    public static TheoryData<string[], string> BadUsage => new()
    {
        { ["--stations", "0"], "opencpm demo: --stations must be 1..1000 but is 0." },
        { ["--stations", "3", "--clusters", "4"], "opencpm demo: --clusters must be 0..3 (at most 15 and at most one per station) but is 4." },
        { ["--clusters", "16", "--stations", "20"], "opencpm demo: --clusters must be 0..15 (at most 15 and at most one per station) but is 16." },
        { ["--admin-password", "short"], "opencpm demo: --admin-password is not valid: it must have at least 10 characters." },
        { ["--csms-url", "http://backend"], "opencpm demo: The backend URL must be an absolute ws:// or wss:// URL but is \"http://backend\"." },
    };

    [Theory]
    [MemberData(nameof(BadUsage))]
    public async Task Bad_options_exit_with_code_2_and_one_sentence_on_stderr(string[] args, string message)
    {
        var error = new StringWriter();
        var output = new StringWriter();
        var parse = CommandLine.Build().Parse(["demo", .. args]);
        parse.InvocationConfiguration.Output = output;
        parse.InvocationConfiguration.Error = error;

        var exit = await parse.InvokeAsync(cancellationToken: Ct);

        Assert.Equal(2, exit);
        Assert.Equal(message, error.ToString().Trim());
        Assert.Equal("", output.ToString());
    }

    [Theory]
    [InlineData("""{ "network": { "maxCurrentA": 40 }, "chargePoints": [ { "id": "cp1", "address": "127.25.0.11" } ] }""", "--stations", "opencpm demo: --site gives the stations and clusters; leave out --stations and --clusters.")]
    [InlineData("""{ "network": { "maxCurrentA": 40 } }""", null, "opencpm demo: site.json has no charge points to simulate.")]
    [InlineData("""{ "network": { "maxCurrentA": 40 }, "stations": [] }""", null, "opencpm demo: site.json is not a site file: 'stations' is not a field this document knows (check its spelling).")]
    public async Task A_site_file_the_demo_can_not_run_exits_with_code_2_and_says_why(string file, string? alsoGiven, string message)
    {
        using var folder = new TempDirectory();
        var path = folder.File("site.json");
        await File.WriteAllTextAsync(path, file, Ct);
        var error = new StringWriter();
        var parse = CommandLine.Build().Parse(["demo", "--site", path, .. alsoGiven is null ? Array.Empty<string>() : [alsoGiven, "1"]]);
        parse.InvocationConfiguration.Output = TextWriter.Null;
        parse.InvocationConfiguration.Error = error;

        var exit = await parse.InvokeAsync(cancellationToken: Ct);

        Assert.Equal(2, exit);
        Assert.StartsWith(message, error.ToString().Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_station_address_that_is_taken_exits_with_code_1_and_says_so()
    {
        using var data = new TempDirectory();
        var options = DemoApplication.IsolatedOptions(2, 0, data.Path);
        await using var occupant = Simulation.Stations.SimulatedKebaStation.Start(
            options.StationAddresses![1], Simulation.Stations.KebaStationProfile.CSeries("1"), TimeProvider.System);
        var error = new StringWriter();

        var exit = await DemoCommand.RunAsync(options, TextWriter.Null, error, Ct);

        Assert.Equal(1, exit);
        Assert.Equal(
            $"opencpm demo: UDP port 7090 on the simulated stations' addresses (from {options.StationAddresses[0]} up) is already in use; is another `opencpm demo` running?",
            error.ToString().Trim());
    }

    [Fact]
    public async Task Station_addresses_the_system_does_not_have_exit_with_code_1_and_say_so()
    {
        using var data = new TempDirectory();
        // 192.0.2.1 (TEST-NET-1) is on no interface: binding it fails like 127.0.0.11 does on macOS without aliases.
        var options = DemoApplication.IsolatedOptions(1, 0, data.Path) with { StationAddresses = [IPAddress.Parse("192.0.2.1")] };
        var error = new StringWriter();

        var exit = await DemoCommand.RunAsync(options, TextWriter.Null, error, Ct);

        Assert.Equal(1, exit);
        Assert.Equal(
            "opencpm demo: this system cannot bind the loopback addresses from 192.0.2.1 up that the simulated stations need (on macOS only 127.0.0.1 exists unless you add aliases, e.g. `sudo ifconfig lo0 alias 192.0.2.1`).",
            error.ToString().Trim());
    }

    [Fact]
    public void Demo_is_a_subcommand_of_opencpm_with_the_documented_options()
    {
        var result = CommandLine.Build().Parse(HostSettingOptions.Expand(
        [
            "demo", "--stations", "20", "--clusters", "2", "--data-dir", "/tmp/x", "--urls", "http://127.0.0.1:9",
            "--admin-password", "Test-Passw0rd!", "--csms-url", "ws://csms/ocpp", "--charge-box-id", "box1", "--Serilog:MinimumLevel:Default=Debug",
            "--keba-address", "127.0.0.2",
        ]));
        Assert.Empty(result.Errors);
        Assert.Equal("demo", result.CommandResult.Command.Name);
        Assert.Empty(result.UnmatchedTokens);
    }

    private static string Read(SharedOutput output) => output.Text;

    [GeneratedRegex("First login: user admin, password (\\S+)")]
    private static partial Regex FirstLogin();

    [GeneratedRegex("Web UI: (\\S+)")]
    private static partial Regex WebUi();

    /// <summary>Output the demo writes on its threads while the test reads it.</summary>
    private sealed class SharedOutput : IDisposable
    {
        private readonly StringWriter _text = new();

        public SharedOutput() => Writer = TextWriter.Synchronized(_text);

        /// <summary>Synchronized: every call locks the writer itself.</summary>
        public TextWriter Writer { get; }

        public void Dispose() => _text.Dispose();

        public string Text
        {
            get
            {
                lock (Writer)
                {
                    return _text.ToString();
                }
            }
        }
    }
}
