using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using OpenCpm.Cli;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Cli;

public sealed partial class RunCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_prints_the_web_ui_address_and_a_first_login_password_that_works_then_stops_on_cancel()
    {
        using var data = new TempDirectory();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        using var output = new LockedStringWriter();
        var run = RunCommand.RunAsync(
            new() { DataDirectory = data.Path, Urls = "http://127.0.0.1:0", HostArgs = ["--Serilog:MinimumLevel:Default=Warning", $"--Keba:Address={FreePort.LoopbackAddress()}"] },
            output, TextWriter.Null, stop.Token);

        var printed = await Eventually.ValueAsync(() => FirstLogin().Match(Read(output)) is { Success: true } m ? m : null, because: "run prints the first login");
        var url = WebUi().Match(Read(output)).Groups[1].Value;
        Assert.Contains($"Data folder: {data.Path}", Read(output), StringComparison.Ordinal);
        await Eventually.TrueAsync(() => Read(output).Contains(RunCommand.NextStep, StringComparison.Ordinal), because: "with no station, run says what to do next");

        using var client = new HttpClient { BaseAddress = new Uri(url) };
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = printed.Groups[1].Value }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);

        await stop.CancelAsync();
        Assert.Equal(0, await run);
        Assert.Single(Regex.Matches(Read(output), "No charging stations are configured yet"));
    }

    [Fact]
    public async Task Run_refuses_an_admin_password_that_breaks_the_rules_with_exit_code_2()
    {
        using var data = new TempDirectory();
        var error = new StringWriter();

        var exit = await RunCommand.RunAsync(new() { DataDirectory = data.Path, AdminPassword = "short" }, TextWriter.Null, error, Ct);

        Assert.Equal(2, exit);
        Assert.Equal("opencpm: --admin-password is not valid: it must have at least 10 characters.", error.ToString().Trim());
    }

    [Fact]
    public void Run_takes_host_settings_as_Section_Key_Value_and_the_KEBA_address_as_a_named_option()
    {
        var settings = new HostSettingOptions();
        var command = new System.CommandLine.Command("run");
        settings.AddTo(command);

        var result = command.Parse(HostSettingOptions.Expand(["--Serilog:MinimumLevel:Default=Debug", "--keba-address", "192.168.1.10"]));

        Assert.Empty(result.Errors);
        Assert.Equal(["--Serilog:MinimumLevel:Default=Debug", "--Keba:Address=192.168.1.10"], settings.HostArgs(result));
    }

    [Fact]
    public async Task Run_refuses_an_unknown_option_and_a_malformed_setting_with_exit_code_2()
    {
        Assert.Equal(2, await CommandLine.InvokeAsync(["run", "--no-such-option"], new() { Output = TextWriter.Null, Error = TextWriter.Null }, Ct));
        Assert.Equal(2, await CommandLine.InvokeAsync(["run", "--setting", "no-equals"], new() { Output = TextWriter.Null, Error = TextWriter.Null }, Ct));
    }

    [Fact]
    public async Task Run_stops_at_start_with_a_sentence_naming_a_bad_KEBA_address()
    {
        using var data = new TempDirectory();
        var error = new StringWriter();

        var exit = await RunCommand.RunAsync(new() { DataDirectory = data.Path, HostArgs = ["--Keba:Address=1.2.3"] }, TextWriter.Null, error, Ct);

        Assert.Equal(2, exit);
        Assert.Equal("opencpm: Keba:Address must be an IPv4 address such as 0.0.0.0 or 192.168.1.10, not \"1.2.3\".", error.ToString().Trim());
    }

    [Fact]
    public void The_help_of_run_and_demo_names_every_option_and_no_pass_through_arguments()
    {
        foreach (var name in new[] { "run", "demo" })
        {
            var output = new StringWriter();
            CommandLine.Build().Parse([name, "--help"]).Invoke(new System.CommandLine.InvocationConfiguration { Output = output });
            var help = output.ToString();
            Assert.DoesNotContain("additional arguments", help, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("--keba-address", help, StringComparison.Ordinal);
            Assert.Contains("--setting", help, StringComparison.Ordinal);
        }
    }

    private static string Read(LockedStringWriter writer) => writer.ToString();

    [GeneratedRegex("First login: user admin, password (\\S+)")]
    private static partial Regex FirstLogin();

    [GeneratedRegex("Web UI: (\\S+)")]
    private static partial Regex WebUi();

    /// <summary>A StringWriter the host writes to on one thread while the test reads on another.</summary>
    private sealed class LockedStringWriter : StringWriter
    {
        private readonly Lock _lock = new();

        public override void Write(char value)
        {
            lock (_lock)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_lock)
            {
                base.Write(value);
            }
        }

        public override void Write(char[] buffer, int index, int count)
        {
            lock (_lock)
            {
                base.Write(buffer, index, count);
            }
        }

        public override string ToString()
        {
            lock (_lock)
            {
                return base.ToString();
            }
        }
    }
}
