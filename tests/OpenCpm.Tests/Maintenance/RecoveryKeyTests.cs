using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using OpenCpm.Cli;
using OpenCpm.Security;
using OpenCpm.Tests.Api;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Maintenance;

public sealed partial class RecoveryKeyTests
{
    private const string NewPassword = "Recovered-Passw0rd";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_recovery_key_resets_the_admin_password_while_logins_are_locked_out_and_ends_every_login()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        var key = app.Service<RecoveryKeys>().GeneratedKey!;
        Assert.Matches(KeyPattern(), key);
        using var oldLogin = await app.CreateClientAsync();
        using var client = app.CreateClient();
        for (var i = 0; i < LoginThrottle.FreeFailures; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = "not-it" }, Ct);
        }

        var locked = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = OpenCpmApplication.AdminPassword }, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);

        var wrong = await client.PostAsJsonAsync("/api/v1/auth/recover", new { recoveryKey = "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE", newPassword = NewPassword }, Ct);
        Assert.Equal("The recovery key is wrong.", await ProblemAssert.DetailAsync(wrong, HttpStatusCode.Unauthorized));
        var weak = await client.PostAsJsonAsync("/api/v1/auth/recover", new { recoveryKey = key, newPassword = "short" }, Ct);
        Assert.Equal("The new password must have at least 10 characters.", await ProblemAssert.DetailAsync(weak, HttpStatusCode.BadRequest));

        var recovered = await client.PostAsJsonAsync("/api/v1/auth/recover", new { recoveryKey = key.ToLowerInvariant().Replace('-', ' '), newPassword = NewPassword }, Ct);

        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = NewPassword }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.False((await login.JsonAsync()).GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldLogin.GetAsync("/api/v1/status", Ct)).StatusCode);
    }

    [Fact]
    public async Task Wrong_recovery_keys_are_throttled_so_even_the_right_key_waits()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        var key = app.Service<RecoveryKeys>().GeneratedKey!;
        using var client = app.CreateClient();
        for (var i = 0; i < RecoveryThrottle.PerAddress; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/v1/auth/recover", new { recoveryKey = $"WRONG-{i}", newPassword = NewPassword }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var throttled = await client.PostAsJsonAsync("/api/v1/auth/recover", new { recoveryKey = key, newPassword = NewPassword }, Ct);

        Assert.StartsWith("Too many wrong recovery keys: try again in", await ProblemAssert.DetailAsync(throttled, HttpStatusCode.TooManyRequests), StringComparison.Ordinal);
        Assert.NotNull(throttled.Headers.RetryAfter);
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = NewPassword }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task The_command_line_sets_a_first_login_password_with_the_recovery_key()
    {
        using var data = new TempDirectory();
        var (emptyExit, _, emptyError) = await InvokeAsync("admin", "recover", "--data-dir", data.Path, "--recovery-key", "AAAAA");
        Assert.Equal(2, emptyExit);
        Assert.Equal($"opencpm admin recover: {data.Path} holds no controller data (no opencpm.db); give the controller's folder with --data-dir.", emptyError.Trim());
        string key;
        await using (var app = await OpenCpmApplication.StartAsync(data.Path))
        {
            key = app.Service<RecoveryKeys>().GeneratedKey!;
        }

        var (wrongExit, _, wrongError) = await InvokeAsync("admin", "recover", "--data-dir", data.Path, "--recovery-key", "AAAAA-AAAAA");
        Assert.Equal(2, wrongExit);
        Assert.Equal("opencpm admin recover: The recovery key is wrong.", wrongError.Trim());

        var (exit, output, _) = await InvokeAsync("admin", "recover", "--data-dir", data.Path, "--recovery-key", key);

        Assert.Equal(0, exit);
        var password = FirstLogin().Match(output).Groups[1].Value;
        await using var again = await OpenCpmApplication.StartAsync(data.Path);
        Assert.Null(again.Service<RecoveryKeys>().GeneratedKey);
        using var client = again.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password }, Ct);
        Assert.True((await login.JsonAsync()).GetProperty("mustChangePassword").GetBoolean());
    }

    [Fact]
    public async Task Run_writes_the_first_recovery_key_to_an_owner_only_file_and_a_restart_exits_with_code_75()
    {
        using var data = new TempDirectory();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        using var output = new LockedStringWriter();
        var run = RunCommand.RunAsync(
            new() { DataDirectory = data.Path, Urls = "http://127.0.0.1:0", AdminPassword = OpenCpmApplication.AdminPassword, HostArgs = ["--Serilog:MinimumLevel:Default=Warning", $"--Keba:Address={FreePort.LoopbackAddress()}"] },
            output, TextWriter.Null, stop.Token);

        var written = await Eventually.ValueAsync(() => KeyFile().Match(output.ToString()) is { Success: true } m ? m : null, because: "run tells where the key is");
        var path = written.Groups[1].Value;
        Assert.Equal(data.File(RunCommand.RecoveryKeyFileName), path);
        Assert.Matches(KeyPattern(), File.ReadAllText(path).Trim());
        Assert.DoesNotMatch(KeyPattern(), output.ToString());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(data.File(RecoveryKeys.HashFileName)));
        }

        using var client = new HttpClient { BaseAddress = new Uri(WebUi().Match(output.ToString()).Groups[1].Value) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await OpenCpmApplication.LoginAsync(client, "admin", OpenCpmApplication.AdminPassword));
        var restart = await client.PostAsync("/api/v1/system/restart", null, Ct);

        Assert.Equal(HttpStatusCode.Accepted, restart.StatusCode);
        Assert.Equal(OpenCpm.Maintenance.ControllerRestart.ExitCode, await run.WaitAsync(TimeSpan.FromSeconds(30), Ct));
    }

    private static async Task<(int Exit, string Output, string Error)> InvokeAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CommandLine.InvokeAsync(args, new System.CommandLine.InvocationConfiguration { Output = output, Error = error }, Ct);
        return (exit, output.ToString(), error.ToString());
    }

    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("Recovery key: written to (\\S+) \\(readable only by you\\)")]
    private static partial Regex KeyFile();

    [GeneratedRegex("Web UI: (\\S+)")]
    private static partial Regex WebUi();

    [GeneratedRegex("First login: user admin, password (\\S+) ")]
    private static partial Regex FirstLogin();
}
