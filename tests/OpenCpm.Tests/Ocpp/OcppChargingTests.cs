using System.Text.Json;
using OpenCpm.Data;
using OpenCpm.Tests.Interop.OcppRpc;

namespace OpenCpm.Tests.Ocpp;

/// <summary>
/// Charging sessions as the backend sees them (OCA TC_003, TC_070, TC_010, TC_011, TC_012, TC_026–TC_028, TC_068),
/// with simulated KEBA stations and vehicles behind the controller, against ocpp-rpc in strict mode.
/// </summary>
public sealed class OcppChargingTests(OcppRpcPeerFixture fixture) : IClassFixture<OcppRpcPeerFixture>
{
    private OcppRpcPeer Peer => fixture.Peer;

    [Fact]
    public async Task A_card_after_plug_in_is_authorized_by_the_backend_and_the_transaction_reports_meter_values_until_the_unplug()
    {
        await using var site = await OcppSite.StartAsync(Peer, "CP-TC003", stations: 1, prepare: async settings =>
        {
            await OcppSite.SetAsync<Data.AuthorizationSettings>(settings, a => a with { Enabled = true });
            await OcppSite.SetAsync<OcppChargePointSettings>(settings, c => c with { MeterValueSampleIntervalSeconds = 30, StopTxnSampledData = "Energy.Active.Import.Register,Power.Active.Import" });
        });
        await site.UntilStatusAsync(1, "Available");

        site.Station(1).PlugIn(OcppSite.Car);
        await site.UntilStatusAsync(1, "Preparing");
        site.Station(1).PresentCard("04E91C5A");
        await site.UntilStatusAsync(1, "Charging");
        await site.RunAsync(TimeSpan.FromSeconds(65));
        site.Station(1).Unplug();
        await site.UntilStatusAsync(1, "Available");
        await site.UntilAsync(() => site.Handled("StopTransaction").Count == 1, "the StopTransaction");

        var actions = site.Handled().Select(h => h.Action).Where(a => a is "Authorize" or "StartTransaction" or "MeterValues" or "StopTransaction").ToList();
        Assert.Equal(["Authorize", "StartTransaction"], actions.Take(2));
        Assert.Equal("StopTransaction", actions[^1]);
        var authorize = site.Handled("Authorize").Single();
        var start = site.Handled("StartTransaction").Single();
        Assert.Equal(authorize.GetProperty("idTag").GetString(), start.GetProperty("idTag").GetString());
        Assert.Equal(1, start.GetProperty("connectorId").GetInt32());
        var transactionId = TransactionIdOf(site, 0);
        var meterValues = site.Handled("MeterValues");
        Assert.True(meterValues.Count >= 2, $"{meterValues.Count} sampled MeterValues in 65 s at a 30 s interval");
        Assert.All(meterValues, m =>
        {
            Assert.Equal(transactionId, m.GetProperty("transactionId").GetInt32());
            var value = m.GetProperty("meterValue")[0].GetProperty("sampledValue")[0];
            Assert.Equal(("Sample.Periodic", "Energy.Active.Import.Register", "Wh"), (value.GetProperty("context").GetString(), value.GetProperty("measurand").GetString(), value.GetProperty("unit").GetString()));
        });

        var stop = site.Handled("StopTransaction").Single();
        Assert.Equal((transactionId, "EVDisconnected"), (stop.GetProperty("transactionId").GetInt32(), stop.GetProperty("reason").GetString()));
        Assert.True(stop.GetProperty("meterStop").GetInt32() > start.GetProperty("meterStart").GetInt32(), "energy was charged");
        var data = stop.GetProperty("transactionData").EnumerateArray().ToList();
        Assert.Equal(["Transaction.Begin", "Transaction.End"], data.Select(d => d.GetProperty("sampledValue")[0].GetProperty("context").GetString()));
        Assert.Contains(data[1].GetProperty("sampledValue").EnumerateArray(), v => v.GetProperty("measurand").GetString() == "Power.Active.Import");
        // Between Preparing and Charging only a Suspended state: the first setpoint on its way (EVSE), the car reacting (EV).
        var statuses = site.Statuses(1).ToList();
        var (preparing, charging) = (statuses.IndexOf("Preparing"), statuses.IndexOf("Charging"));
        Assert.True(statuses[0] == "Available" && 0 < preparing && preparing < charging, string.Join(", ", statuses));
        Assert.All(statuses[(preparing + 1)..charging], s => Assert.StartsWith("Suspended", s, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Remote_start_and_stop_act_at_the_station_and_impossible_ones_are_rejected()
    {
        await using var site = await OcppSite.StartAsync(Peer, "CP-TC010", stations: 2, prepare: async settings =>
        {
            await OcppSite.SetAsync<Data.AuthorizationSettings>(settings, a => a with { Enabled = true });
            await OcppSite.SetAsync<OcppChargePointSettings>(settings, c => c with { ConnectionTimeOutSeconds = 20, AuthorizeRemoteTxRequests = true });
        });
        await site.UntilStatusAsync(2, "Available");

        // TC_010: the vehicle first, then the remote start; TC_027: never connector 0.
        site.Station(1).PlugIn(OcppSite.Car);
        await site.UntilStatusAsync(1, "Preparing");
        Assert.Equal("Rejected", Status(await site.CallAsync("RemoteStartTransaction", """{"connectorId":0,"idTag":"REMOTE1"}""")));
        Assert.Equal("Accepted", Status(await site.CallAsync("RemoteStartTransaction", """{"connectorId":1,"idTag":"REMOTE1"}""")));
        await site.UntilStatusAsync(1, "Charging");
        await site.UntilAsync(() => site.Handled("StartTransaction").Count == 1, "the StartTransaction"); // either order (OCTT)
        var start = site.Handled("StartTransaction").Single();
        Assert.Equal(("REMOTE1", 1), (start.GetProperty("idTag").GetString(), start.GetProperty("connectorId").GetInt32()));
        Assert.Equal("REMOTE1", site.Handled("Authorize").Single().GetProperty("idTag").GetString()); // AuthorizeRemoteTxRequests

        // TC_026: occupied; TC_028: unknown transaction.
        Assert.Equal("Rejected", Status(await site.CallAsync("RemoteStartTransaction", """{"connectorId":1,"idTag":"REMOTE2"}""")));
        Assert.Equal("Rejected", Status(await site.CallAsync("RemoteStopTransaction", """{"transactionId":987654}""")));

        // TC_012: the remote stop ends the transaction (reason Remote) while the vehicle stays plugged: Finishing.
        var transactionId = TransactionIdOf(site, 0);
        Assert.Equal("Accepted", Status(await site.CallAsync("RemoteStopTransaction", OcppSite.Json($$"""{"transactionId":{{transactionId}}}"""))));
        await site.UntilStatusAsync(1, "Finishing");
        await site.UntilAsync(() => site.Handled("StopTransaction").Count == 1, "the StopTransaction");
        Assert.Equal("Remote", site.Handled("StopTransaction")[0].GetProperty("reason").GetString());
        site.Station(1).Unplug();
        await site.UntilStatusAsync(1, "Available");

        // TC_011_2: a remote start without a vehicle gives up after ConnectionTimeOut.
        Assert.Equal("Accepted", Status(await site.CallAsync("RemoteStartTransaction", """{"connectorId":2,"idTag":"REMOTE3"}""")));
        await site.UntilStatusAsync(2, "Preparing");
        var waitingSince = site.Time.GetUtcNow();
        await site.UntilStatusAsync(2, "Available");
        Assert.True(site.Time.GetUtcNow() - waitingSince >= TimeSpan.FromSeconds(19), "it waited ConnectionTimeOut");

        // TC_011_1: a remote start first, the vehicle within ConnectionTimeOut.
        Assert.Equal("Accepted", Status(await site.CallAsync("RemoteStartTransaction", """{"idTag":"REMOTE4"}""")));
        await site.UntilStatusAsync(1, "Preparing");
        site.Station(1).PlugIn(OcppSite.Car);
        await site.UntilStatusAsync(1, "Charging");
        Assert.Equal("REMOTE4", site.Handled("StartTransaction")[^1].GetProperty("idTag").GetString());
        Assert.Equal(2, site.Handled("StartTransaction").Count);
    }

    [Fact]
    public async Task A_start_the_backend_refuses_stops_the_charge_when_StopTransactionOnInvalidId_says_so()
    {
        const string id = "CP-INVALID";
        await using var site = await OcppSite.StartAsync(Peer, id, stations: 1, prepare: settings =>
            OcppSite.SetAsync<Data.AuthorizationSettings>(settings, a => a with { Enabled = true }));
        await site.UntilStatusAsync(1, "Available");
        Assert.Equal("Accepted", Status(await site.CallAsync("ChangeConfiguration", """{"key":"AllowOfflineTxForUnknownId","value":"true"}""")));
        Assert.Equal("Accepted", Status(await site.CallAsync("ChangeConfiguration", """{"key":"StopTransactionOnInvalidId","value":"true"}""")));
        var keys = (await site.CallAsync("GetConfiguration", """{"key":["StopTransactionOnInvalidId"]}""")).GetProperty("configurationKey")[0];
        Assert.Equal("true", keys.GetProperty("value").GetString());

        // The card passes Authorize, but the StartTransaction's idTagInfo says Invalid: the charge stops (TC_059-style).
        await Peer.RespondAsync("StartTransaction", """{"idTagInfo":{"status":"Invalid"},"transactionId":777}""", identity: id);
        site.Station(1).PlugIn(OcppSite.Car);
        site.Station(1).PresentCard("04E91C5A");
        await site.UntilAsync(() => site.Handled("StopTransaction").Count == 1, "the StopTransaction of the refused start");
        var stop = site.Handled("StopTransaction")[0];
        Assert.Equal((777, "DeAuthorized"), (stop.GetProperty("transactionId").GetInt32(), stop.GetProperty("reason").GetString()));
        await site.RunAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, site.Station(1).StationCurrents().Max);
        Assert.Single(site.Handled("StartTransaction"));
    }

    internal static int TransactionIdOf(OcppSite site, int index)
    {
        // The Central System's answer to the StartTransaction, as it went over the wire.
        var answers = site.Peer.Messages(site.Identity)
            .Where(m => m.Outbound && m.Text.Contains("\"transactionId\"", StringComparison.Ordinal) && m.Text.StartsWith("[3,", StringComparison.Ordinal))
            .Select(m => JsonDocument.Parse(m.Text).RootElement[2].GetProperty("transactionId").GetInt32())
            .ToList();
        return answers[index];
    }

    private static string? Status(JsonElement answer) => answer.GetProperty("status").GetString();
}
