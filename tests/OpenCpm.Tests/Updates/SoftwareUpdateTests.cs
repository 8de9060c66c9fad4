using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using OpenCpm.Data;
using OpenCpm.Maintenance;
using OpenCpm.Tests.Api;
using OpenCpm.Tests.Shared;
using OpenCpm.Updates;

namespace OpenCpm.Tests.Updates;

public sealed class SoftwareUpdateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unsigned_changed_or_older_package_is_refused_with_nothing_changed_and_a_signed_one_is_installed_and_switched_to()
    {
        using var install = new InstallRootFixture();
        var running = new InstalledVersion().Version;
        install.AddVersion(running);
        install.Root.SwitchTo(running);
        await using var app = await OpenCpmApplication.StartAsync(hostArgs: install.HostArgs);
        using var client = await app.CreateClientAsync();
        var good = await install.PackAsync("99.0.0");
        var unsigned = Copy(good, "unsigned.ocpu", zip => zip.GetEntry("manifest.sig")!.Delete());
        var changed = Copy(good, "changed.ocpu", zip =>
        {
            zip.GetEntry("files/opencpm.dll")!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("files/opencpm.dll").Open());
            writer.Write("version 66.6.6");
        });
        var older = await install.PackAsync("0.0.1");

        foreach (var (package, reason) in new[]
        {
            (unsigned, "The package has no manifest.sig: it is not signed."),
            (changed, "files/opencpm.dll does not match its SHA-256 in the manifest: the package was changed after it was signed."),
            (older, $"The package holds version 0.0.1; {running} is installed, so only a newer version is installed."),
        })
        {
            var refused = await PostAsync(client, package);
            Assert.Equal(reason, await ProblemAssert.DetailAsync(refused, HttpStatusCode.BadRequest));
            Assert.Equal([running], Directory.GetDirectories(install.Root.VersionsPath).Select(Path.GetFileName));
            Assert.Equal(running, install.Root.Current);
            Assert.Null(install.Root.ReadState());
            Assert.False(app.Service<ControllerRestart>().Requested);
        }

        var installed = await PostAsync(client, good);

        Assert.Equal(HttpStatusCode.Accepted, installed.StatusCode);
        Assert.Equal("version 99.0.0", File.ReadAllText(Path.Combine(install.Root.VersionPath("99.0.0"), "opencpm.dll")));
        Assert.Equal(("99.0.0", running), (install.Root.Current, install.Root.Previous));
        var state = install.Root.ReadState()!;
        Assert.Equal((UpdateStage.Pending, running, "99.0.0", 0), (state.Stage, state.From, state.To, state.Attempts));
        Assert.Equal("software update to 99.0.0", app.Service<ControllerRestart>().Reason);
        Assert.Empty(Directory.GetFiles(install.Root.Root, "incoming-*"));
        var events = await app.Service<EventLog>().QueryAsync(new EventQuery { Source = SoftwareUpdates.EventSource }, Ct);
        Assert.Equal(4, events.Total);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_new_version_commits_once_healthy_and_is_rolled_back_when_not_healthy_by_the_deadline(bool healthy)
    {
        using var install = new InstallRootFixture();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        var running = new InstalledVersion().Version;
        install.AddVersion("0.9.0");
        install.AddVersion(running);
        install.Root.SwitchTo("0.9.0");
        install.Root.SwitchTo(running);
        install.Root.WriteState(new UpdateState
        {
            Stage = UpdateStage.Pending, From = "0.9.0", To = running, Source = "test", At = time.GetUtcNow(), Deadline = time.GetUtcNow().AddSeconds(10),
        });

        await using var app = await OpenCpmApplication.StartAsync(time: time, hostArgs: install.HostArgs, services: services =>
        {
            if (!healthy)
            {
                services.AddHealthChecks().AddCheck("new-version-fault", () => HealthCheckResult.Unhealthy("a fault of the new version"));
            }
        });
        app.ErrorsExpected = !healthy; // the health check service logs the failing check as an error

        // The clock runs a second per poll: the checks every second come due until the update ends one way or the other.
        await Eventually.TrueAsync(
            () =>
            {
                time.Advance(TimeSpan.FromSeconds(1));
                return install.Root.ReadState()!.Stage != UpdateStage.Pending;
            },
            because: "the update ends one way or the other");
        var state = install.Root.ReadState()!;
        if (healthy)
        {
            Assert.Equal(UpdateStage.Committed, state.Stage);
            Assert.Equal(running, install.Root.Current);
            Assert.False(app.Service<ControllerRestart>().Requested);
            await Eventually.TrueAsync(async () => (await app.Service<EventLog>().QueryAsync(new EventQuery { Source = SoftwareUpdates.EventSource }, Ct)).Items
                .Any(e => e.Message == $"OpenCPM was updated from 0.9.0 to {running} (test)."));
        }
        else
        {
            Assert.Equal(UpdateStage.RolledBack, state.Stage);
            Assert.Equal($"version {running} did not report healthy within 10 s (new-version-fault: a fault of the new version).", state.Reason);
            Assert.Equal("0.9.0", install.Root.Current);
            Assert.Equal("rollback to 0.9.0", app.Service<ControllerRestart>().Reason);
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string package)
    {
        using var content = new StreamContent(File.OpenRead(package));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await client.PostAsync("/api/v1/system/update", content, Ct);
    }

    private static string Copy(string package, string name, Action<ZipArchive> change)
    {
        var copy = Path.Combine(Path.GetDirectoryName(package)!, name);
        File.Copy(package, copy);
        using var zip = ZipFile.Open(copy, ZipArchiveMode.Update);
        change(zip);
        return copy;
    }
}
