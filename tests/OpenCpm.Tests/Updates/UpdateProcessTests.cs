using System.Net;
using System.Net.Http.Headers;
using OpenCpm.Maintenance;
using OpenCpm.Tests.Api;
using OpenCpm.Tests.Shared;
using OpenCpm.Updates;

namespace OpenCpm.Tests.Updates;

/// <summary>Software updates of real `opencpm run` processes started from real version folders, the test acting as their supervisor.</summary>
public sealed class UpdateProcessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_package_posted_to_the_running_controller_is_installed_the_supervisor_starts_the_new_version_and_it_commits()
    {
        using var install = new InstallRootFixture();
        using var data = new TempDirectory();
        AppVersions.Install(install.Root, "1.0.0");
        install.Root.SwitchTo("1.0.0");
        var program = Path.Combine(install.Root.Root, InstallFolder.CurrentLink, "opencpm.dll");
        string[] args = [$"--Update:PublicKeyFile={install.Key.PublicKeyFile}"];
        var package = install.Path + "/opencpm-2.0.0.ocpu";
        await UpdatePackageWriter.WriteAsync(AppVersions.BuildFolder, "2.0.0", install.Key.Key, package, AppVersions.InPackage, Ct);

        using (var first = ControllerChild.Start(program, data.Path, args))
        {
            using var client = await first.ClientAsync();
            Assert.Equal("1.0.0", (await (await client.GetAsync("/api/v1/status", Ct)).JsonAsync()).GetProperty("version").GetString());
            using var content = new StreamContent(File.OpenRead(package));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

            var posted = await client.PostAsync("/api/v1/system/update", content, Ct);

            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            Assert.Equal(ControllerRestart.ExitCode, await first.ExitCodeAsync());
        }

        using var second = ControllerChild.Start(program, data.Path, args);
        using var updated = await second.ClientAsync();
        await Eventually.TrueAsync(() => install.Root.ReadState()?.Stage == UpdateStage.Committed, because: second.Output);
        var status = await (await updated.GetAsync("/api/v1/system/update", Ct)).JsonAsync();
        Assert.Equal("2.0.0", status.GetProperty("version").GetString());
        Assert.Equal(("2.0.0", "1.0.0"), (status.GetProperty("current").GetString(), status.GetProperty("previous").GetString()));
        Assert.Equal("Committed", status.GetProperty("lastUpdate").GetProperty("stage").GetString());
        Assert.Equal("2.0.0", (await (await updated.GetAsync("/api/v1/status", Ct)).JsonAsync()).GetProperty("version").GetString());
    }

    [Fact]
    public async Task A_new_version_that_crashes_at_start_is_rolled_back_to_the_previous_one_which_reports_it()
    {
        using var install = new InstallRootFixture();
        using var data = new TempDirectory();
        AppVersions.Install(install.Root, "1.0.0");
        AppVersions.Install(install.Root, "2.0.0");
        File.WriteAllText(Path.Combine(install.Root.VersionPath("2.0.0"), "appsettings.json"), "{ this version is broken");
        install.Root.SwitchTo("1.0.0");
        install.Root.SwitchTo("2.0.0");
        install.Root.WriteState(new UpdateState
        {
            Stage = UpdateStage.Pending, From = "1.0.0", To = "2.0.0", Source = "test", At = DateTimeOffset.UtcNow, Deadline = DateTimeOffset.UtcNow.AddMinutes(5), MaxAttempts = 1,
        });
        var program = Path.Combine(install.Root.Root, InstallFolder.CurrentLink, "opencpm.dll");
        string[] args = [$"--Update:PublicKeyFile={install.Key.PublicKeyFile}"];

        using (var crashing = ControllerChild.Start(program, data.Path, args))
        {
            Assert.NotEqual(0, await crashing.ExitCodeAsync());
            Assert.Equal(1, install.Root.ReadState()!.Attempts);
        }

        using (var guard = ControllerChild.Start(program, data.Path, args))
        {
            Assert.Equal(ControllerRestart.ExitCode, await guard.ExitCodeAsync());
            Assert.Contains("opencpm: version 2.0.0 did not come up in 1 starts. Switched back to 1.0.0; restarting.", guard.Output, StringComparison.Ordinal);
        }

        Assert.Equal("1.0.0", install.Root.Current);
        using var previous = ControllerChild.Start(program, data.Path, args);
        using var client = await previous.ClientAsync();
        var status = await (await client.GetAsync("/api/v1/system/update", Ct)).JsonAsync();
        Assert.Equal("1.0.0", status.GetProperty("version").GetString());
        Assert.Equal("RolledBack", status.GetProperty("lastUpdate").GetProperty("stage").GetString());
        await Eventually.TrueAsync(async () => (await client.GetStringAsync("/api/v1/events?source=update", Ct))
            .Contains("The update from 1.0.0 to 2.0.0 was rolled back: version 2.0.0 did not come up in 1 starts. 1.0.0 runs again.", StringComparison.Ordinal));
    }
}
