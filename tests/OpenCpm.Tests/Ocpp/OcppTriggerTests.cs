using System.Text.Json;
using OpenCpm.Tests.Interop.OcppRpc;

namespace OpenCpm.Tests.Ocpp;

/// <summary>
/// Remote Trigger (OCA TC_054, TC_055) against ocpp-rpc in strict mode: each triggered message comes after the
/// TriggerMessage answer and for the connector asked; a connector that does not exist is Rejected and nothing is sent.
/// (DiagnosticsStatusNotification and FirmwareStatusNotification belong to firmware management.)
/// </summary>
public sealed class OcppTriggerTests(OcppRpcPeerFixture fixture) : IClassFixture<OcppRpcPeerFixture>
{
    private OcppRpcPeer Peer => fixture.Peer;

    [Fact]
    public async Task Triggered_messages_follow_the_answer_for_the_connector_asked_and_an_unknown_connector_is_rejected()
    {
        await using var site = await OcppSite.StartAsync(Peer, "CP-TRIGGER-OCA", stations: 2);
        await site.UntilStatusAsync(2, "Available");
        site.Station(1).PlugIn(OcppSite.Car);
        await site.UntilStatusAsync(1, "Charging");

        // TC_054: MeterValues for connector 1 (its transaction's latest readings), after the answer.
        var meterValues = site.Handled("MeterValues").Count;
        await TriggerAsync(site, """{"requestedMessage":"MeterValues","connectorId":1}""", "Accepted");
        await site.UntilAsync(() => site.Handled("MeterValues").Count > meterValues, "the triggered MeterValues");
        var triggered = site.Handled("MeterValues")[meterValues];
        Assert.Equal(1, triggered.GetProperty("connectorId").GetInt32());
        Assert.NotEqual(0, triggered.GetProperty("meterValue")[0].GetProperty("sampledValue").GetArrayLength());
        AssertSentAfterTheAnswer(site, "MeterValues");

        // Heartbeat.
        var heartbeats = site.Handled("Heartbeat").Count;
        await TriggerAsync(site, """{"requestedMessage":"Heartbeat"}""", "Accepted");
        await site.UntilAsync(() => site.Handled("Heartbeat").Count > heartbeats, "the triggered Heartbeat");
        AssertSentAfterTheAnswer(site, "Heartbeat");

        // StatusNotification without a connector: connector 0 and every connector, though none changed.
        var before = site.Handled("StatusNotification").Count;
        await TriggerAsync(site, """{"requestedMessage":"StatusNotification"}""", "Accepted");
        await site.UntilAsync(() => site.Handled("StatusNotification").Count >= before + 3, "a StatusNotification for connectors 0, 1 and 2");
        var again = site.Handled("StatusNotification").Skip(before).Select(s => (s.GetProperty("connectorId").GetInt32(), s.GetProperty("status").GetString())).ToList();
        Assert.Equal([(0, "Available"), (1, "Charging"), (2, "Available")], again);
        AssertSentAfterTheAnswer(site, "StatusNotification");

        // TC_055: connector 3 does not exist.
        var count = site.Handled().Count;
        await TriggerAsync(site, """{"requestedMessage":"MeterValues","connectorId":3}""", "Rejected");
        await TriggerAsync(site, """{"requestedMessage":"StatusNotification","connectorId":3}""", "Rejected");
        await site.RunAsync(TimeSpan.FromSeconds(2));
        Assert.DoesNotContain(site.Handled().Skip(count), h => h.Action is "StatusNotification" && h.Params.GetProperty("connectorId").GetInt32() == 3);
        Assert.DoesNotContain(site.Handled().Skip(count), h => h.Action is "MeterValues" && h.Params.GetProperty("connectorId").GetInt32() == 3);
        Peer.AssertClean(site.Identity);
    }

    private static async Task TriggerAsync(OcppSite site, string request, string expected) =>
        Assert.Equal(expected, (await site.CallAsync("TriggerMessage", request)).GetProperty("status").GetString());

    /// <summary>The controller's answer to the last TriggerMessage precedes its next <paramref name="action"/> CALL on the wire.</summary>
    private static void AssertSentAfterTheAnswer(OcppSite site, string action)
    {
        var frames = site.Peer.Messages(site.Identity).Select(m => (m.Outbound, Frame: JsonDocument.Parse(m.Text).RootElement)).ToList();
        var trigger = frames.FindLastIndex(f => f.Outbound && f.Frame[0].GetInt32() == 2 && f.Frame[2].GetString() == "TriggerMessage");
        var id = frames[trigger].Frame[1].GetString();
        var answer = frames.FindIndex(trigger, f => !f.Outbound && f.Frame[0].GetInt32() == 3 && f.Frame[1].GetString() == id);
        var sent = frames.FindIndex(trigger, f => !f.Outbound && f.Frame[0].GetInt32() == 2 && f.Frame[2].GetString() == action);
        Assert.True(answer >= 0 && sent > answer, $"the {action} comes after the TriggerMessage answer (answer at {answer}, {action} at {sent})");
    }
}
