using System.Net.Http.Json;
using System.Text.Json;
using OpenCpm.Backend;
using OpenCpm.Data;
using OpenCpm.Ocpp;
using OpenCpm.Tests.Interop.OcppRpc;

namespace OpenCpm.Tests.Ocpp;

/// <summary>
/// Registration and the link itself against ocpp-rpc in strict mode (OCA TC_001, TC_002, heartbeats, reconnects,
/// /api/v1/status), with the demo's simulated stations as connectors.
/// </summary>
public sealed class OcppBootTests(OcppRpcPeerFixture fixture) : IClassFixture<OcppRpcPeerFixture>
{
    private OcppRpcPeer Peer => fixture.Peer;

    [Fact]
    public async Task Cold_boot_retries_only_the_boot_until_accepted_then_reports_every_connector_and_heartbeats()
    {
        // TC_001_CS: Rejected, nothing else until the interval has passed, then Accepted.
        const string id = "CP-TC001";
        await Peer.RespondAsync("BootNotification", """{"status":"Rejected","currentTime":"2026-11-27T08:00:00Z","interval":20}""", identity: id);
        await using var site = await OcppSite.StartAsync(Peer, id, stations: 3, presetByDemo: true, waitAccepted: false);
        await site.UntilAsync(() => site.Handled("BootNotification").Count == 1, "the first BootNotification");
        var rejectedAt = site.Time.GetUtcNow();
        await Peer.RespondAsync("BootNotification", """{"status":"Accepted","currentTime":"2026-11-27T08:00:00Z","interval":60}""", identity: id);
        await site.UntilAsync(() => site.Demo.Service<CsmsLink>().IsAccepted, "the second BootNotification is accepted");

        Assert.True(site.Time.GetUtcNow() - rejectedAt >= TimeSpan.FromSeconds(20), "the second boot waited the interval");
        var boot = site.Handled("BootNotification")[0];
        Assert.Equal(CsmsLink.Vendor, boot.GetProperty("chargePointVendor").GetString());
        Assert.Equal(["BootNotification", "BootNotification"], site.Handled().Select(h => h.Action).Take(2));

        await site.UntilAsync(() => Enumerable.Range(0, 4).All(c => site.LastStatus(c) == "Available"), "connector 0 and the three connectors report Available");
        Assert.Equal(0, site.Handled("StatusNotification")[0].GetProperty("connectorId").GetInt32());

        // Heartbeat after the interval the backend gave (60 s) without other messages; the status shows it.
        var heartbeats = site.Handled("Heartbeat").Count;
        await site.RunAsync(TimeSpan.FromSeconds(65));
        Assert.True(site.Handled("Heartbeat").Count > heartbeats, "a heartbeat after 60 s of silence");
        await site.UntilAsync(() => site.Demo.Service<BackendLinkStatus>().Live.Current.LastHeartbeat is not null, "the status has the last heartbeat");
        using var client = await site.Demo.CreateClientAsync();
        var status = await client.GetFromJsonAsync<JsonElement>("/api/v1/status", TestContext.Current.CancellationToken);
        var backend = status.GetProperty("backend");
        Assert.Equal("connected", backend.GetProperty("state").GetString());
        Assert.Equal(Peer.Endpoint.ToString(), backend.GetProperty("url").GetString());
        Assert.NotEqual(JsonValueKind.Null, backend.GetProperty("lastHeartbeat").ValueKind);
    }

    [Fact]
    public async Task A_pending_registration_answers_the_backend_and_sends_nothing_but_boots_until_accepted()
    {
        // TC_002_CS
        const string id = "CP-TC002";
        await Peer.RespondAsync("BootNotification", """{"status":"Pending","currentTime":"2026-11-27T08:00:00Z","interval":30}""", identity: id);
        await using var site = await OcppSite.StartAsync(Peer, id, waitAccepted: false);
        await site.UntilAsync(() => site.Handled("BootNotification").Count == 1, "the first BootNotification");

        var configuration = await site.CallAsync("GetConfiguration", """{"key":["NumberOfConnectors","HeartbeatInterval"]}""");
        Assert.Equal("2", configuration.GetProperty("configurationKey").EnumerateArray().Single(k => k.GetProperty("key").GetString() == "NumberOfConnectors").GetProperty("value").GetString());
        var remote = await site.CallAsync("RemoteStartTransaction", """{"connectorId":1,"idTag":"PENDING1"}""");
        Assert.Equal("Rejected", remote.GetProperty("status").GetString());

        await site.UntilAsync(() => site.Handled("BootNotification").Count == 2, "the boot is sent again after the interval");
        Assert.All(site.Handled(), h => Assert.Equal("BootNotification", h.Action));
        await Peer.RespondAsync("BootNotification", """{"status":"Accepted","currentTime":"2026-11-27T08:00:00Z","interval":300}""", identity: id);
        await site.UntilAsync(() => site.Demo.Service<CsmsLink>().IsAccepted, "accepted at the next boot");
        await site.UntilAsync(() => site.LastStatus(2) == "Available", "the connectors are reported");
    }

    [Fact]
    public async Task A_dropped_connection_reconnects_without_a_new_boot_and_a_changed_key_reconnects_with_the_new_password()
    {
        const string id = "CP-RECONNECT";
        await using var site = await OcppSite.StartAsync(Peer, id);
        await site.UntilAsync(() => site.LastStatus(2) == "Available", "statuses after boot");
        var statusesBefore = site.Handled("StatusNotification").Count;

        await Peer.CloseClientAsync(id, 1001, "test");
        await site.UntilAsync(() => Peer.Events.Count(e => OcppRpcPeer.Kind(e) == "connected" && OcppRpcPeer.Identity(e) == id) == 2, "the controller reconnects");
        await site.UntilAsync(() => site.Demo.Service<CsmsLink>().IsAccepted, "accepted again");
        await site.RunAsync(TimeSpan.FromSeconds(5));
        Assert.Single(site.Handled("BootNotification"));
        Assert.Equal(statusesBefore, site.Handled("StatusNotification").Count); // nothing changed: nothing replayed

        // Security profile 1 with a key set by the backend: the answer first, then a reconnect with Basic auth. Every
        // frame is in the host log at debug level, the key masked.
        Assert.Null(await site.Demo.Service<OpenCpm.Maintenance.DebugLogging>().EnableAsync(TimeSpan.FromMinutes(30), "test", TestContext.Current.CancellationToken));
        int Connections() => Peer.Events.Count(e => OcppRpcPeer.Kind(e) == "connected" && OcppRpcPeer.Identity(e) == id);
        var connections = Connections();
        var key = await site.CallAsync("ChangeConfiguration", """{"key":"AuthorizationKey","value":"4F43415F4F4354545F61646D696E5F74657374"}""");
        Assert.Equal("Accepted", key.GetProperty("status").GetString());
        await site.UntilAsync(
            () => site.Settings.Current.Get<OcppBackendSettings>().AuthorizationKey is not null && Connections() > connections && site.Demo.Service<CsmsLink>().IsAccepted,
            "the key is stored once answered, and the link is back");
        var profile = await site.CallAsync("ChangeConfiguration", """{"key":"SecurityProfile","value":"1"}""");
        Assert.Equal("Accepted", profile.GetProperty("status").GetString());
        await site.UntilAsync(
            () => Peer.Events.Any(e => OcppRpcPeer.Kind(e) == "connected" && OcppRpcPeer.Identity(e) == id && e.GetProperty("password").GetString() == "OCA_OCTT_admin_test"),
            "the controller reconnects with the new Basic-auth password");
        var lower = await site.CallAsync("ChangeConfiguration", """{"key":"SecurityProfile","value":"0"}""");
        Assert.Equal("Rejected", lower.GetProperty("status").GetString());
        var stored = site.Settings.Current.Get<OcppBackendSettings>();
        Assert.Equal((1, "4F43415F4F4354545F61646D696E5F74657374"), (stored.SecurityProfile, stored.AuthorizationKey));
        var keys = await site.CallAsync("GetConfiguration", "{}");
        Assert.DoesNotContain(keys.GetProperty("configurationKey").EnumerateArray(), k => k.GetProperty("key").GetString() == "AuthorizationKey");
        Assert.DoesNotContain(site.Demo.Logs.Entries, e => e.Message.Contains("4F43415F4F4354545F61646D696E5F74657374", StringComparison.Ordinal));
        Assert.Contains(site.Demo.Logs.Entries, e => e.Message.Contains("AuthorizationKey", StringComparison.Ordinal) && e.Message.Contains("***", StringComparison.Ordinal));
        Assert.Contains(site.Demo.Logs.Entries, e => e.Message.Contains("GetConfiguration", StringComparison.Ordinal) && e.Message.Contains('→', StringComparison.Ordinal));
    }
}
