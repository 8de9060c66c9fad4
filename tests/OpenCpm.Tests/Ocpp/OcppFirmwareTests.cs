using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenCpm.Data;
using OpenCpm.Maintenance;
using OpenCpm.Ocpp;
using OpenCpm.Tests.Firmware;
using OpenCpm.Tests.Interop.OcppRpc;
using OpenCpm.Tests.Shared;
using OpenCpm.Tests.Transfers;
using OpenCpm.Tests.Updates;
using OpenCpm.Updates;

namespace OpenCpm.Tests.Ocpp;

/// <summary>
/// Firmware management over the link (issue 15 item 3; OCA TC_044_1/2/3, TC_080, TC_081) against ocpp-rpc in strict
/// mode, with a real HTTP server serving the packages and a real install folder: UpdateFirmware and
/// SignedUpdateFirmware download at the retrieve time, install through the software update, and tell each step.
/// </summary>
public sealed class OcppFirmwareTests(OcppRpcPeerFixture fixture) : IClassFixture<OcppRpcPeerFixture>
{
    private const string Package = "opencpm-99.0.0.ocpu";

    private OcppRpcPeer Peer => fixture.Peer;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_update_survives_a_restart_before_its_retrieve_date_installs_through_the_software_update_and_the_new_version_reports_it_installed()
    {
        using var install = new InstallRootFixture();
        var running = new InstalledVersion().Version;
        install.AddVersion(running);
        install.Root.SwitchTo(running);
        await using var files = await TestFileServer.StartAsync();
        files.Serve(Package, File.ReadAllBytes(await install.PackAsync("99.0.0")));
        using var data = new TempDirectory();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        var retrieve = time.GetUtcNow().AddMinutes(2);

        // Run 1: the request is accepted and kept; the controller stops before the retrieve date.
        IReadOnlyList<System.Net.IPAddress>? stations;
        await using (var site = await OcppSite.StartAsync(Peer, "CP-FW-1", stations: 1, dataDirectory: data.Path, time: time, hostArgs: install.HostArgs))
        {
            stations = site.Demo.Options.StationAddresses;
            Assert.Empty((await site.CallAsync("UpdateFirmware", OcppSite.Json($$"""{"location":"{{files.Url("files/" + Package)}}","retrieveDate":"{{retrieve:o}}"}"""))).EnumerateObject());
            await site.RunAsync(TimeSpan.FromSeconds(30));
            Assert.Empty(site.Handled("FirmwareStatusNotification"));
            Assert.Empty(files.Requests);
        }

        // Run 2 (TC_044_1): at the retrieve date it downloads, installs (package checked, unpacked, current switched) and restarts.
        await using (var site = await OcppSite.StartAsync(Peer, "CP-FW-1", stations: 1, dataDirectory: data.Path, time: time, stationAddresses: stations, hostArgs: install.HostArgs))
        {
            var restart = site.Demo.Service<ControllerRestart>();
            await site.UntilAsync(() => restart.Requested, "the controller restarts into the new version");
            Assert.True(time.GetUtcNow() >= retrieve);
            Assert.Equal(["GET /files/" + Package], files.Requests);
            await site.UntilAsync(() => FirmwareStatuses(site).Count >= 3, "the backend has seen each step"); // its answer may reach the controller before the peer reports the call
            Assert.Equal(["Downloading", "Downloaded", "Installing"], FirmwareStatuses(site));
            Assert.Equal("software update to 99.0.0", restart.Reason);
            Assert.Equal(("99.0.0", running), (install.Root.Current, install.Root.Previous));
            var state = install.Root.ReadState()!;
            Assert.Equal((UpdateStage.Pending, running, "99.0.0", "OCPP"), (state.Stage, state.From, state.To, state.Source));
        }

        // Run 3: the new version runs (as the supervisor would start it from current) and, after its BootNotification, reports Installed once.
        // (One identity for the three runs: each start connects with the identity stored in the data folder first.)
        var newVersion = new InstalledVersion(install.Root.VersionPath("99.0.0"));
        await using (var site = await OcppSite.StartAsync(
            Peer, "CP-FW-1", stations: 1, dataDirectory: data.Path, time: time, stationAddresses: stations, hostArgs: install.HostArgs,
            services: services => services.AddSingleton(newVersion)))
        {
            await site.UntilAsync(() => FirmwareStatuses(site).Count > 3, "the outcome of the update is told");
            await site.RunAsync(TimeSpan.FromSeconds(5));
            Assert.Equal(["Downloading", "Downloaded", "Installing", "Installed"], FirmwareStatuses(site));
            var handled = site.Handled().Select(h => h.Action).ToList();
            Assert.True(handled.LastIndexOf("BootNotification") < handled.LastIndexOf("FirmwareStatusNotification"));
            Assert.Equal("99.0.0", site.Handled("BootNotification")[^1].GetProperty("firmwareVersion").GetString());
            Assert.Equal(UpdateStage.Committed, install.Root.ReadState()!.Stage);
            var security = await site.Demo.Service<EventLog>().QueryAsync(new EventQuery { Source = SecurityEvents.Source }, Ct);
            Assert.Contains(security.Items, e => e.Message.StartsWith("FirmwareUpdated: version 99.0.0 installed", StringComparison.Ordinal));
            await site.CallAsync("TriggerMessage", """{"requestedMessage":"FirmwareStatusNotification"}""");
            await site.UntilAsync(() => FirmwareStatuses(site).Count == 5, "the triggered status");
            Assert.Equal("Idle", FirmwareStatuses(site)[^1]);
        }
    }

    [Fact]
    public async Task A_download_that_keeps_failing_is_tried_retries_more_times_then_reported_download_failed()
    {
        await using var files = await TestFileServer.StartAsync();
        await using var site = await OcppSite.StartAsync(Peer, "CP-FW-2", stations: 1);

        await site.CallAsync("UpdateFirmware", OcppSite.Json($$"""{"location":"{{files.Url("files/missing.ocpu")}}","retrieveDate":"{{site.Time.GetUtcNow():o}}","retries":2,"retryInterval":20}"""));
        await site.UntilAsync(() => FirmwareStatuses(site).Count == 2, "the download fails");

        Assert.Equal(["Downloading", "DownloadFailed"], FirmwareStatuses(site));
        Assert.Equal(3, files.Requests.Count(r => r == "GET /files/missing.ocpu"));
        await site.CallAsync("UpdateFirmware", OcppSite.Json($$"""{"location":"sftp://example.invalid/fw.bin","retrieveDate":"{{site.Time.GetUtcNow():o}}"}"""));
        await site.UntilAsync(() => FirmwareStatuses(site).Count == 3, "the sftp location fails");
        Assert.Equal("DownloadFailed", FirmwareStatuses(site)[^1]);
        Assert.Contains(site.Demo.Logs.Entries, e => e.Message.Contains("uses SFTP, which this controller does not support (only FTP,FTPS,HTTP,HTTPS)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_update_over_ftp_is_downloaded_from_the_ftp_server_and_installed()
    {
        using var install = new InstallRootFixture();
        var running = new InstalledVersion().Version;
        install.AddVersion(running);
        install.Root.SwitchTo(running);
        await using var ftp = await PyftpdlibServer.StartAsync();
        Directory.CreateDirectory(ftp.Home.File("firmware"));
        File.Copy(await install.PackAsync("99.0.0"), ftp.Home.File("firmware/" + Package));
        await using var site = await OcppSite.StartAsync(Peer, "CP-FW-6", stations: 1, hostArgs: install.HostArgs);

        await site.CallAsync("UpdateFirmware", OcppSite.Json($$"""{"location":"{{ftp.Url("firmware/" + Package)}}","retrieveDate":"{{site.Time.GetUtcNow():o}}"}"""));
        var restart = site.Demo.Service<ControllerRestart>();
        await site.UntilAsync(() => restart.Requested, "the controller restarts into the new version");

        await site.UntilAsync(() => FirmwareStatuses(site).Count >= 3, "the backend has seen each step"); // its answer may reach the controller before the peer reports the call
        Assert.Equal(["Downloading", "Downloaded", "Installing"], FirmwareStatuses(site));
        Assert.Equal(("99.0.0", running), (install.Root.Current, install.Root.Previous));
        Assert.DoesNotContain(site.Demo.Logs.Entries, e => e.Message.Contains(PyftpdlibServer.Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_ftp_download_with_a_refused_login_or_a_missing_file_is_tried_again_then_reported_download_failed_with_the_reason()
    {
        await using var ftp = await PyftpdlibServer.StartAsync();
        await using var site = await OcppSite.StartAsync(Peer, "CP-FW-7", stations: 1);

        await site.CallAsync("UpdateFirmware", OcppSite.Json($$"""{"location":"{{ftp.Url(Package, password: "wrong-pw")}}","retrieveDate":"{{site.Time.GetUtcNow():o}}","retries":1,"retryInterval":10}"""));
        await site.UntilAsync(() => FirmwareStatuses(site).Count == 2, "the login is refused");
        await site.CallAsync("UpdateFirmware", OcppSite.Json($$"""{"location":"{{ftp.Url("missing.ocpu")}}","retrieveDate":"{{site.Time.GetUtcNow():o}}","retries":0}"""));
        await site.UntilAsync(() => FirmwareStatuses(site).Count == 4, "the file is missing");

        Assert.Equal(["Downloading", "DownloadFailed", "Downloading", "DownloadFailed"], FirmwareStatuses(site));
        var messages = site.Demo.Logs.Entries.Select(e => e.Message).ToList();
        var refused = $"the download at ftp://127.0.0.1:{ftp.Port}/{Package} failed: the FTP server refused the login (530 Authentication failed.)";
        Assert.Equal(2, messages.Count(m => m.Contains("attempt", StringComparison.Ordinal) && m.Contains(refused, StringComparison.Ordinal)));
        Assert.Contains(messages, m => m.Contains("attempt 2 of 2 failed", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains($"ftp://127.0.0.1:{ftp.Port}/missing.ocpu failed: the FTP server did not send the file 'missing.ocpu' (550 ", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("wrong-pw", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_package_the_software_update_refuses_is_reported_installation_failed_and_nothing_is_switched()
    {
        using var install = new InstallRootFixture();
        var running = new InstalledVersion().Version;
        install.AddVersion(running);
        install.Root.SwitchTo(running);
        await using var files = await TestFileServer.StartAsync();
        files.Serve("corrupt.ocpu", "this is not a signed package"u8.ToArray());
        await using var site = await OcppSite.StartAsync(Peer, "CP-FW-3", stations: 1, hostArgs: install.HostArgs);

        await site.CallAsync("UpdateFirmware", OcppSite.Json($$"""{"location":"{{files.Url("files/corrupt.ocpu")}}","retrieveDate":"{{site.Time.GetUtcNow():o}}"}"""));
        await site.UntilAsync(() => FirmwareStatuses(site).Count == 4, "the installation fails");

        Assert.Equal(["Downloading", "Downloaded", "Installing", "InstallationFailed"], FirmwareStatuses(site));
        Assert.Equal(running, install.Root.Current);
        Assert.Equal([running], Directory.GetDirectories(install.Root.VersionsPath).Select(Path.GetFileName));
        Assert.Null(install.Root.ReadState());
        Assert.False(site.Demo.Service<ControllerRestart>().Requested);
    }

    [Fact]
    public async Task A_signed_update_whose_certificate_chains_to_no_installed_root_is_answered_invalid_certificate_with_a_security_event()
    {
        using var signer = new TestFirmwareSigner();
        await using var site = await OcppSite.StartAsync(Peer, "CP-FW-4", stations: 1);

        var answer = await site.CallAsync("SignedUpdateFirmware", SignedUpdate(site, "http://127.0.0.1:9/files/fw.ocpu", signer.LeafPem, signer.Sign([1, 2, 3]), requestId: 4));

        Assert.Equal("InvalidCertificate", answer.GetProperty("status").GetString());
        var security = await site.Demo.Service<EventLog>().QueryAsync(new EventQuery { Source = SecurityEvents.Source }, Ct);
        Assert.Equal(
            "InvalidFirmwareSigningCertificate: no Manufacturer Root Certificate is installed, so no signing certificate can be trusted",
            Assert.Single(security.Items).Message);
        await site.RunAsync(TimeSpan.FromSeconds(5));
        Assert.Empty(site.Handled("SignedFirmwareStatusNotification"));
    }

    [Fact]
    public async Task A_signed_update_with_a_bad_signature_installs_nothing_and_one_with_a_good_signature_is_verified_and_installed()
    {
        using var install = new InstallRootFixture();
        var running = new InstalledVersion().Version;
        install.AddVersion(running);
        install.Root.SwitchTo(running);
        using var signer = new TestFirmwareSigner(ecdsa: true);
        await using var files = await TestFileServer.StartAsync();
        var package = File.ReadAllBytes(await install.PackAsync("99.0.0"));
        files.Serve(Package, package);
        await using var site = await OcppSite.StartAsync(Peer, "CP-FW-5", stations: 1, hostArgs: install.HostArgs);
        var location = files.Url("files/" + Package);

        // The manufacturer's root arrives as the backend installs it (TC_075_1), into the controller's certificate store.
        var root = JsonSerializer.Serialize(new { certificateType = "ManufacturerRootCertificate", certificate = signer.Root.ExportCertificatePem() });
        Assert.Equal("Accepted", (await site.CallAsync("InstallCertificate", root)).GetProperty("status").GetString());

        // TC_081: the signature is not the package's.
        var bad = await site.CallAsync("SignedUpdateFirmware", SignedUpdate(site, location, signer.LeafPem, signer.Sign([1, 2, 3]), requestId: 51));
        Assert.Equal("Accepted", bad.GetProperty("status").GetString());
        await site.UntilAsync(() => SignedStatuses(site).Count == 3, "the signature is checked");
        Assert.Equal([("Downloading", 51), ("Downloaded", 51), ("InvalidSignature", 51)], SignedStatuses(site));
        var security = await site.Demo.Service<EventLog>().QueryAsync(new EventQuery { Source = SecurityEvents.Source }, Ct);
        Assert.Equal(
            "InvalidFirmwareSignature: the signature does not match the downloaded file with the signing certificate's key",
            Assert.Single(security.Items, e => e.Message.StartsWith("InvalidFirmware", StringComparison.Ordinal)).Message);
        await site.UntilAsync(() => site.Handled("SecurityEventNotification").Any(e => e.GetProperty("type").GetString() == "InvalidFirmwareSignature"), "the backend is told");
        Assert.Equal(running, install.Root.Current);

        // TC_080: the right signature.
        var good = await site.CallAsync("SignedUpdateFirmware", SignedUpdate(site, location, signer.LeafPem, signer.Sign(package), requestId: 52));
        Assert.Equal("Accepted", good.GetProperty("status").GetString());
        var restart = site.Demo.Service<ControllerRestart>();
        await site.UntilAsync(() => restart.Requested, "the controller restarts into the new version");
        await site.UntilAsync(() => SignedStatuses(site).Count >= 7, "the backend has seen each step"); // its answer may reach the controller before the peer reports the call
        Assert.Equal([("Downloading", 52), ("Downloaded", 52), ("SignatureVerified", 52), ("Installing", 52)], SignedStatuses(site).Skip(3));
        Assert.Equal("99.0.0", install.Root.Current);
    }

    private static string SignedUpdate(OcppSite site, string location, string certificate, string signature, int requestId) => JsonSerializer.Serialize(new
    {
        requestId,
        retries = 0,
        firmware = new { location, retrieveDateTime = site.Time.GetUtcNow(), signingCertificate = certificate, signature },
    });

    private static IReadOnlyList<string> FirmwareStatuses(OcppSite site) =>
        [.. site.Handled("FirmwareStatusNotification").Select(p => p.GetProperty("status").GetString()!)];

    private static IReadOnlyList<(string, int)> SignedStatuses(OcppSite site) =>
        [.. site.Handled("SignedFirmwareStatusNotification").Select(p => (p.GetProperty("status").GetString()!, p.GetProperty("requestId").GetInt32()))];
}
