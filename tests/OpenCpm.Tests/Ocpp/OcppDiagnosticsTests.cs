using System.IO.Compression;
using System.Text;

using OpenCpm.Data;
using OpenCpm.Diagnostics;
using OpenCpm.Ocpp;
using OpenCpm.Tests.Interop.OcppRpc;
using OpenCpm.Tests.Transfers;

namespace OpenCpm.Tests.Ocpp;

/// <summary>
/// Diagnostics and logs over the link (issue 15 items 3 and 4; OCA TC_045_1, TC_045_2, TC_054, TC_079) against
/// ocpp-rpc in strict mode, uploaded to a real HTTP server: GetDiagnostics, GetLog, and the triggered statuses.
/// </summary>
public sealed class OcppDiagnosticsTests(OcppRpcPeerFixture fixture) : IClassFixture<OcppRpcPeerFixture>
{
    private OcppRpcPeer Peer => fixture.Peer;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_diagnostics_uploads_the_log_archive_with_the_event_log_of_the_period_asked_for()
    {
        await using var files = await TestFileServer.StartAsync();
        await using var site = await OcppSite.StartAsync(Peer, "CP-DIAG-1", stations: 1);
        var events = site.Demo.Service<EventLog>();
        await events.InfoAsync("test", "before the period", Ct);
        await site.RunAsync(TimeSpan.FromMinutes(10));
        var start = site.Time.GetUtcNow();
        await events.InfoAsync("test", "inside the period", Ct);

        var answer = await site.CallAsync("GetDiagnostics", OcppSite.Json($$"""{"location":"{{files.Url("upload")}}","startTime":"{{start:o}}"}"""));
        await site.UntilAsync(() => DiagnosticsStatuses(site).Count == 2, "the diagnostics are uploaded");

        Assert.Equal(["Uploading", "Uploaded"], DiagnosticsStatuses(site));
        var upload = Assert.Single(files.Uploads);
        var fileName = answer.GetProperty("fileName").GetString();
        Assert.Equal(fileName, upload.FileName);
        Assert.StartsWith("opencpm-logs-", fileName, StringComparison.Ordinal);
        Assert.Equal("application/zip", upload.ContentType);
        var csv = Entry(upload, "events.csv");
        Assert.StartsWith("time,level,source,message\n", csv, StringComparison.Ordinal);
        Assert.Contains(",Info,test,inside the period\n", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("before the period", csv, StringComparison.Ordinal);
        Assert.Contains("event log: entries from", Entry(upload, "about.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_the_server_refuses_is_tried_retries_more_times_then_reported_upload_failed()
    {
        await using var files = await TestFileServer.StartAsync();
        files.UploadStatus = 500;
        await using var site = await OcppSite.StartAsync(Peer, "CP-DIAG-2", stations: 1);

        var answer = await site.CallAsync("GetDiagnostics", OcppSite.Json($$"""{"location":"{{files.Url("upload")}}","retries":1,"retryInterval":15}"""));
        await site.UntilAsync(() => DiagnosticsStatuses(site).Count == 2, "the upload fails");

        Assert.True(answer.TryGetProperty("fileName", out _));
        Assert.Equal(["Uploading", "UploadFailed"], DiagnosticsStatuses(site));
        Assert.Equal(2, files.Requests.Count(r => r == "POST /upload"));
        Assert.Empty(files.Uploads);
    }

    [Fact]
    public async Task Triggered_firmware_diagnostics_and_log_statuses_are_idle_when_nothing_is_under_way()
    {
        await using var site = await OcppSite.StartAsync(Peer, "CP-DIAG-3", stations: 1);

        var configuration = await site.CallAsync("GetConfiguration", """{"key":["SupportedFeatureProfiles","SupportedFileTransferProtocols"]}""");
        Assert.Equal(
            ["Core,FirmwareManagement,LocalAuthListManagement,RemoteTrigger,Reservation,SmartCharging", "FTP,FTPS,HTTP,HTTPS"],
            configuration.GetProperty("configurationKey").EnumerateArray().Select(k => k.GetProperty("value").GetString()));
        foreach (var message in new[] { "FirmwareStatusNotification", "DiagnosticsStatusNotification" })
        {
            var answer = await site.CallAsync("TriggerMessage", OcppSite.Json($$"""{"requestedMessage":"{{message}}"}"""));
            Assert.Equal("Accepted", answer.GetProperty("status").GetString());
            await site.UntilAsync(() => site.Handled(message).Count == 1, $"the triggered {message}");
            Assert.Equal("Idle", site.Handled(message)[0].GetProperty("status").GetString());
        }

        // The whitepaper's ExtendedTriggerMessage: the signed update's and the log upload's statuses, Idle without a requestId.
        foreach (var (requested, message) in new[] { ("FirmwareStatusNotification", "SignedFirmwareStatusNotification"), ("LogStatusNotification", "LogStatusNotification") })
        {
            var answer = await site.CallAsync("ExtendedTriggerMessage", OcppSite.Json($$"""{"requestedMessage":"{{requested}}"}"""));
            Assert.Equal("Accepted", answer.GetProperty("status").GetString());
            await site.UntilAsync(() => site.Handled(message).Count == 1, $"the triggered {message}");
            Assert.Equal("Idle", site.Handled(message)[0].GetProperty("status").GetString());
            Assert.False(site.Handled(message)[0].TryGetProperty("requestId", out _));
        }
    }

    [Fact]
    public async Task Get_log_uploads_the_security_log_with_the_security_events_only()
    {
        await using var files = await TestFileServer.StartAsync();
        await using var site = await OcppSite.StartAsync(Peer, "CP-LOG-1", stations: 1);
        await site.Demo.Service<SecurityEvents>().RaiseAsync("InvalidFirmwareSignature", "a test event", Ct);
        await site.Demo.Service<EventLog>().InfoAsync("test", "not a security event", Ct);

        var answer = await site.CallAsync("GetLog", OcppSite.Json($$$"""{"logType":"SecurityLog","requestId":79,"log":{"remoteLocation":"{{{files.Url("upload")}}}"}}"""));
        await site.UntilAsync(() => LogStatuses(site).Count == 2, "the security log is uploaded");

        Assert.Equal("Accepted", answer.GetProperty("status").GetString());
        Assert.Equal([("Uploading", 79), ("Uploaded", 79)], LogStatuses(site));
        var upload = Assert.Single(files.Uploads);
        Assert.Equal(answer.GetProperty("filename").GetString(), upload.FileName);
        Assert.StartsWith("opencpm-security-log-", upload.FileName, StringComparison.Ordinal);
        var csv = Entry(upload, "security-log.csv");
        Assert.Contains(",Warning,security,InvalidFirmwareSignature: a test event\n", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("not a security event", csv, StringComparison.Ordinal);

        // A location that is not a URL is rejected; one with a scheme the controller can't use is told NotSupportedOperation.
        Assert.Equal("Rejected", (await site.CallAsync("GetLog", """{"logType":"DiagnosticsLog","requestId":80,"log":{"remoteLocation":"not a url"}}""")).GetProperty("status").GetString());
        await site.CallAsync("GetLog", """{"logType":"DiagnosticsLog","requestId":81,"log":{"remoteLocation":"sftp://127.0.0.1/logs"}}""");
        await site.UntilAsync(() => LogStatuses(site).Count == 3, "the sftp upload is refused");
        Assert.Equal(("NotSupportedOperation", 81), LogStatuses(site)[^1]);
    }

    [Fact]
    public async Task Get_diagnostics_over_ftp_stores_the_archive_in_the_folder_named_and_get_log_with_a_refused_login_is_permission_denied()
    {
        await using var ftp = await PyftpdlibServer.StartAsync();
        Directory.CreateDirectory(ftp.Home.File("diagnostics"));
        await using var site = await OcppSite.StartAsync(Peer, "CP-DIAG-4", stations: 1);
        await site.Demo.Service<EventLog>().InfoAsync("test", "sent over ftp", Ct);

        var answer = await site.CallAsync("GetDiagnostics", OcppSite.Json($$"""{"location":"{{ftp.Url("diagnostics/")}}"}"""));
        await site.UntilAsync(() => DiagnosticsStatuses(site).Count == 2, "the diagnostics are uploaded");
        var log = await site.CallAsync("GetLog", OcppSite.Json($$$"""{"logType":"SecurityLog","requestId":82,"retries":0,"log":{"remoteLocation":"{{{ftp.Url("diagnostics", password: "wrong-pw")}}}"}}"""));
        await site.UntilAsync(() => LogStatuses(site).Count == 2, "the log upload is refused");

        Assert.Equal(["Uploading", "Uploaded"], DiagnosticsStatuses(site));
        var fileName = answer.GetProperty("fileName").GetString()!;
        var stored = new TestUpload(fileName, ArchiveUploader.ContentType, await File.ReadAllBytesAsync(ftp.Home.File("diagnostics/" + fileName), Ct));
        Assert.Contains(",Info,test,sent over ftp\n", Entry(stored, "events.csv"), StringComparison.Ordinal);
        Assert.Equal("Accepted", log.GetProperty("status").GetString());
        Assert.Equal([("Uploading", 82), ("PermissionDenied", 82)], LogStatuses(site));
        Assert.Equal([fileName], Directory.GetFiles(ftp.Home.File("diagnostics")).Select(Path.GetFileName));
    }

    private static string Entry(TestUpload upload, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(upload.Content), ZipArchiveMode.Read);
        var entry = zip.GetEntry(name) ?? throw new InvalidOperationException($"{name} is not in {string.Join(", ", zip.Entries.Select(e => e.FullName))}");
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static IReadOnlyList<string> DiagnosticsStatuses(OcppSite site) =>
        [.. site.Handled("DiagnosticsStatusNotification").Select(p => p.GetProperty("status").GetString()!)];

    private static IReadOnlyList<(string, int)> LogStatuses(OcppSite site) =>
        [.. site.Handled("LogStatusNotification").Select(p => (p.GetProperty("status").GetString()!, p.GetProperty("requestId").GetInt32()))];

}
