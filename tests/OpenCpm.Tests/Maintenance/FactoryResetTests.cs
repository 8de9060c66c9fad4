using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Core.Sessions;
using OpenCpm.Data;
using OpenCpm.Maintenance;
using OpenCpm.Provisioning;
using OpenCpm.Security;
using OpenCpm.Settings;
using OpenCpm.Tests.Api;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Maintenance;

public sealed class FactoryResetTests
{
    private static readonly string[] Markers =
    [
        "secret-station-a", "wss://csms.secret-site.example", "KEY-SECRET-1234567", "CARD-DEADBEEF", "event-marker-xyz", "token-marker", "Secret display",
        "Card of Marker", "0A1B2C3D4E",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_factory_reset_needs_the_password_and_a_confirmation_then_leaves_nothing_in_the_database_file_and_restarts()
    {
        using var data = new TempDirectory();
        string serial;
        string firstLogin;
        await using (var app = await OpenCpmApplication.StartAsync(data.Path))
        {
            serial = app.Service<ControllerIdentity>().Serial;
            await FillAsync(app);
            using var client = await app.CreateClientAsync();
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/auth/tokens", new { name = "token-marker" }, Ct)).StatusCode);
            var card = await client.PostAsJsonAsync("/api/v1/cards", new { uid = "0A1B2C3D4E", name = "Card of Marker", status = "Accepted" }, Ct);
            Assert.True(card.IsSuccessStatusCode, await card.Content.ReadAsStringAsync(Ct));
            var files = new[] { Path.Combine(data.Path, "certificates", "webui.pfx"), Path.Combine(data.Path, "opencpm.db.20260101000000.before-x.bak"), Path.Combine(data.Path, "meter-profiles", "mine.json") };
            foreach (var file in files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                await File.WriteAllTextAsync(file, "secret-station-a", Ct);
            }

            var before = await DatabaseBytesAsync(data.Path);
            Assert.All(Markers, marker => Assert.True(Contains(before, marker), $"the test's data holds \"{marker}\" before the reset"));

            var unconfirmed = await client.PostAsJsonAsync("/api/v1/system/factory-reset", new { password = OpenCpmApplication.AdminPassword, confirm = false }, Ct);
            Assert.StartsWith("A factory reset erases every session", await ProblemAssert.DetailAsync(unconfirmed, HttpStatusCode.BadRequest), StringComparison.Ordinal);
            var wrong = await client.PostAsJsonAsync("/api/v1/system/factory-reset", new { password = "Wrong-Passw0rd", confirm = true }, Ct);
            Assert.Equal("The password is wrong: a factory reset needs the current password of the caller.", await ProblemAssert.DetailAsync(wrong, HttpStatusCode.Forbidden));
            Assert.False(app.Service<ControllerRestart>().Requested);

            var reset = await client.PostAsJsonAsync("/api/v1/system/factory-reset", new { password = OpenCpmApplication.AdminPassword, confirm = true }, Ct);

            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
            firstLogin = (await reset.JsonAsync()).GetProperty("firstLoginPassword").GetString()!;
            var stopping = app.Service<IHostApplicationLifetime>().ApplicationStopping;
            await Eventually.TrueAsync(() => stopping.IsCancellationRequested, because: "the controller restarts after the reset");
            Assert.Equal("factory reset", app.Service<ControllerRestart>().Reason);
            Assert.All(files, f => Assert.False(File.Exists(f), f));
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(data.Path, "opencpm.db*"))
        {
            var bytes = await File.ReadAllBytesAsync(file, Ct);
            foreach (var marker in Markers)
            {
                Assert.False(Contains(bytes, marker), $"{Path.GetFileName(file)} still holds \"{marker}\"");
            }
        }

        Assert.Equal(serial, (await File.ReadAllTextAsync(Path.Combine(data.Path, ControllerIdentity.FileName), Ct)).Trim());
        Assert.True(File.Exists(Path.Combine(data.Path, RecoveryKeys.HashFileName)));
        await using var again = await OpenCpmApplication.StartAsync(data.Path, adminPassword: null);
        Assert.Null(again.GeneratedAdminPassword);
        using var fresh = again.CreateClient();
        var login = await fresh.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = firstLogin }, Ct);
        Assert.True((await login.JsonAsync()).GetProperty("mustChangePassword").GetBoolean());
        var settings = await again.Service<SettingsService>().GetAsync(Ct);
        Assert.Empty(settings.Site.ChargePoints);
        Assert.Empty(settings.DocumentsJson);
        Assert.Equal(new SiteSettings().MaxCurrentA, settings.Site.Site.MaxCurrentA);
        var events = await again.Service<EventLog>().QueryAsync(new EventQuery(), Ct);
        // Besides the security event of the reset's own change of the security profile, which may land either side of the erase.
        Assert.Equal("The controller was reset to its factory settings.", Assert.Single(events.Items, e => !e.Message.StartsWith("ReconfigurationOfSecurityParameters", StringComparison.Ordinal)).Message);
    }

    private static async Task FillAsync(OpenCpmApplication app)
    {
        var settings = app.Service<SettingsService>();
        var site = await settings.UpdateSiteAsync(
            s => s.WithChargePoint(new ChargePointInstallation { Settings = new ChargePointSettings { Id = "secret-station-a" }, Address = FreePort.LoopbackAddress().ToString(), ConnectorId = 1 }),
            "test", null, Ct);
        Assert.True(site.IsSaved);
        Assert.True((await settings.UpdateAsync<OcppBackendSettings>(_ => new OcppBackendSettings { Url = "wss://csms.secret-site.example", SecurityProfile = 2, AuthorizationKey = "KEY-SECRET-1234567", ChargeBoxId = "cb" }, "test", null, Ct)).IsSaved);
        Assert.True((await settings.UpdateAsync<DisplaySettings>(_ => new DisplaySettings { Texts = [new DisplayText(DisplayEvent.Charging, "Secret display", 5)] }, "test", null, Ct)).IsSaved);
        var sessions = app.Service<SessionStore>();
        var session = await sessions.StartAsync("secret-station-a", "CARD-DEADBEEF", 1000, Ct);
        await sessions.EndAsync(session.Id, 2000, StopReason.Local, Ct);
        await app.Service<EventLog>().InfoAsync("test", "event-marker-xyz", Ct);
    }

    private static async Task<byte[]> DatabaseBytesAsync(string folder)
    {
        var all = new List<byte>();
        foreach (var file in Directory.EnumerateFiles(folder, "opencpm.db*"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, Ct);
            all.AddRange(copy.ToArray());
        }

        return [.. all];
    }

    private static bool Contains(byte[] haystack, string marker) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker)) >= 0 || haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(marker)) >= 0;
}
