using System.Text.Json;
using OpenCpm.Data;
using OpenCpm.Tests.Interop.OcppRpc;

namespace OpenCpm.Tests.Ocpp;

/// <summary>
/// TriggerMessage (TC_054–TC_058-style), GetConfiguration/ChangeConfiguration edge cases (TC_019–TC_021), DataTransfer,
/// the part-2 actions refused, and a backend that misbehaves: malformed, unknown, out-of-order and oversized frames, and
/// a StartTransaction it never answers (retried per TransactionMessageRetryInterval, nothing lost).
/// </summary>
public sealed class OcppRobustnessTests(OcppRpcPeerFixture fixture) : IClassFixture<OcppRpcPeerFixture>
{
    private OcppRpcPeer Peer => fixture.Peer;

    [Fact]
    public async Task Triggers_keys_vendor_data_and_unsupported_actions_are_answered_as_the_spec_says()
    {
        await using var site = await OcppSite.StartAsync(Peer, "CP-TRIGGER", stations: 2);
        await site.UntilStatusAsync(2, "Available");

        var heartbeats = site.Handled("Heartbeat").Count;
        Assert.Equal("Accepted", Status(await site.CallAsync("TriggerMessage", """{"requestedMessage":"Heartbeat"}""")));
        await site.UntilAsync(() => site.Handled("Heartbeat").Count > heartbeats, "the triggered Heartbeat");
        var statuses = site.Statuses(2).Count;
        Assert.Equal("Accepted", Status(await site.CallAsync("TriggerMessage", """{"requestedMessage":"StatusNotification","connectorId":2}""")));
        await site.UntilAsync(() => site.Statuses(2).Count > statuses, "the triggered StatusNotification");
        Assert.Equal("Accepted", Status(await site.CallAsync("TriggerMessage", """{"requestedMessage":"MeterValues","connectorId":1}""")));
        await site.UntilAsync(() => site.Handled("MeterValues").Count > 0, "the triggered MeterValues");
        var boots = site.Handled("BootNotification").Count;
        Assert.Equal("Accepted", Status(await site.CallAsync("TriggerMessage", """{"requestedMessage":"BootNotification"}""")));
        await site.UntilAsync(() => site.Handled("BootNotification").Count > boots, "the triggered BootNotification");
        Assert.Equal("Rejected", Status(await site.CallAsync("TriggerMessage", """{"requestedMessage":"Heartbeat","connectorId":3}""")));
        Assert.Equal("Accepted", Status(await site.CallAsync("TriggerMessage", """{"requestedMessage":"DiagnosticsStatusNotification"}"""))); // Idle (OcppDiagnosticsTests)

        Assert.Equal("UnknownVendorId", Status(await site.CallAsync("DataTransfer", """{"vendorId":"com.example.unknown"}""")));

        var configuration = await site.CallAsync("GetConfiguration", """{"key":["NumberOfConnectors","SupportedFeatureProfiles","NoSuchKey"]}""");
        var keys = configuration.GetProperty("configurationKey").EnumerateArray().ToDictionary(k => k.GetProperty("key").GetString()!, k => (k.GetProperty("readonly").GetBoolean(), k.GetProperty("value").GetString()));
        Assert.Equal((true, "2"), keys["NumberOfConnectors"]);
        Assert.Equal((true, "Core,FirmwareManagement,LocalAuthListManagement,RemoteTrigger,Reservation,SmartCharging"), keys["SupportedFeatureProfiles"]);
        Assert.Equal(["NoSuchKey"], configuration.GetProperty("unknownKey").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("Rejected", Status(await site.CallAsync("ChangeConfiguration", """{"key":"NumberOfConnectors","value":"5"}""")));
        Assert.Equal("NotSupported", Status(await site.CallAsync("ChangeConfiguration", """{"key":"NoSuchKey","value":"1"}""")));
        Assert.Equal("Rejected", Status(await site.CallAsync("ChangeConfiguration", """{"key":"HeartbeatInterval","value":"often"}""")));

        // ReserveConnectorZeroSupported is true: a reservation of connector 0 (any connector) is Accepted (OcppReservationTests).
        Assert.Equal("Accepted", Status(await site.CallAsync("ReserveNow", """{"connectorId":0,"expiryDate":"2099-11-28T00:00:00Z","idTag":"04E91C5A","reservationId":1}""")));
        Assert.Equal("Accepted", Status(await site.CallAsync("CancelReservation", """{"reservationId":1}""")));
    }

    [Fact]
    public async Task A_backend_that_sends_garbage_or_does_not_answer_loses_no_transaction()
    {
        const string id = "CP-GARBAGE";
        await using var site = await OcppSite.StartAsync(Peer, id, stations: 1, prepare: settings =>
            OcppSite.SetAsync<OcppChargePointSettings>(settings, c => c with { TransactionMessageAttempts = 5, TransactionMessageRetryIntervalSeconds = 10 }));
        await site.UntilStatusAsync(1, "Available");

        // The backend takes the StartTransaction and never answers: after the call timeout it is sent again.
        await Peer.RespondAsync("StartTransaction", noReply: true, identity: id);
        site.Station(1).PlugIn(OcppSite.Car);
        await site.UntilAsync(() => site.Handled("StartTransaction").Count == 2, "the unanswered StartTransaction is sent again");

        // Malformed, unknown and out-of-order frames: a CALLERROR where there is a message id, the link stays.
        await Peer.SendRawAsync(id, "this is not JSON");
        await Peer.SendRawAsync(id, """[3,"never-asked",{}]""");
        await Peer.SendRawAsync(id, """[2,"raw-1","Heartbeat"]""");
        await Peer.SendRawAsync(id, """[2,"raw-2","NoSuchAction",{}]""");
        await site.UntilAsync(() => RawReplied(site, "raw-1") && RawReplied(site, "raw-2"), "the CALLERRORs");
        Assert.StartsWith("""[4,"raw-1",""", await Peer.RawReplyAsync(id, "raw-1"), StringComparison.Ordinal);
        Assert.StartsWith("""[4,"raw-2","NotImplemented""", await Peer.RawReplyAsync(id, "raw-2"), StringComparison.Ordinal);
        Assert.True(site.Demo.Service<OpenCpm.Ocpp.CsmsLink>().IsAccepted);

        // An oversized frame is refused without harm: a CALLERROR (its id is read) and the link stays.
        await Peer.SendRawAsync(id, """[2,"raw-3","DataTransfer",{"vendorId":"x","data":" """ + new string('a', 600_000) + "\"}]");
        await site.UntilAsync(() => RawReplied(site, "raw-3"), "the CALLERROR for the oversized frame");
        Assert.StartsWith("""[4,"raw-3","FormationViolation""", await Peer.RawReplyAsync(id, "raw-3"), StringComparison.Ordinal);
        Assert.True(site.Demo.Service<OpenCpm.Ocpp.CsmsLink>().IsAccepted);

        // The backend answers again: the start goes through once more and the stop carries the id it gave.
        await Peer.RespondAsync("StartTransaction", """{"idTagInfo":{"status":"Accepted"},"transactionId":424242}""", identity: id);
        await site.UntilAsync(() => site.Tracker.Running.Current.Values.Any(t => t.TransactionId == 424242), "the answered StartTransaction");
        site.Station(1).Unplug();
        await site.UntilAsync(() => site.Handled("StopTransaction").Count == 1, "the StopTransaction");
        Assert.Equal(424242, site.Handled("StopTransaction")[0].GetProperty("transactionId").GetInt32());
        var outbox = site.Demo.Service<OcppTransactionStore>();
        for (var tries = 0; tries < 50 && await outbox.CountAsync(TestContext.Current.CancellationToken) > 0; tries++)
        {
            await site.RunAsync(TimeSpan.FromMilliseconds(200)); // the answer is in; the message leaves the outbox right after
        }

        Assert.Empty(await outbox.ListAsync(10, TestContext.Current.CancellationToken));
    }

    private bool RawReplied(OcppSite site, string messageId) =>
        Peer.Events.Any(e => OcppRpcPeer.Kind(e) == "rawReply" && OcppRpcPeer.Identity(e) == site.Identity && e.GetProperty("messageId").GetString() == messageId);

    private static string? Status(JsonElement answer) => answer.GetProperty("status").GetString();
}
