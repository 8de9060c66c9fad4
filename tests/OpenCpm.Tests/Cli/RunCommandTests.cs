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

        using var client = new HttpClient { BaseAddress = new Uri(url) };
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = printed.Groups[1].Value }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);

        await stop.CancelAsync();
        Assert.Equal(0, await run);
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
    public void Run_is_a_subcommand_of_opencpm()
    {
        var result = CommandLine.Build().Parse(["run", "--data-dir", "/tmp/x", "--urls", "http://127.0.0.1:9", "--Serilog:MinimumLevel:Default=Debug"]);
        Assert.Empty(result.Errors);
        Assert.Equal("run", result.CommandResult.Command.Name);
        Assert.Equal(["--Serilog:MinimumLevel:Default=Debug"], result.UnmatchedTokens);
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
