using System.Net.Http.Json;
using System.Text.Json;
using OpenCpm.Maintenance;
using OpenCpm.Tests.Interop.OcppRpc;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Ocpp;

/// <summary>
/// The backend's commands that act on the whole site: Reset (TC_013–TC_016), UnlockConnector (TC_017, TC_018,
/// TC_031), ChangeAvailability (TC_034 and the Scheduled case), with sessions stopped the way OCPP says.
/// </summary>
public sealed class OcppControlTests(OcppRpcPeerFixture fixture) : IClassFixture<OcppRpcPeerFixture>
{
    private OcppRpcPeer Peer => fixture.Peer;

    [Fact]
    public async Task Unlock_and_resets_stop_the_running_transactions_with_their_reasons_first()
    {
        await using var site = await OcppSite.StartAsync(Peer, "CP-TC015", stations: 2);
        await site.UntilStatusAsync(2, "Available");

        // TC_031 and TC_017: unknown connector; no session.
        Assert.Equal("NotSupported", Status(await site.CallAsync("UnlockConnector", """{"connectorId":3}""")));
        Assert.Equal("Unlocked", Status(await site.CallAsync("UnlockConnector", """{"connectorId":2}""")));

        // TC_018: with a session (authorization off: the transaction starts at plug-in) the transaction stops first.
        site.Station(1).PlugIn(OcppSite.Car);
        site.Station(2).PlugIn(OcppSite.Car);
        await site.UntilAsync(() => site.LastStatus(1) == "Charging" && site.LastStatus(2) == "Charging", "both charge");
        Assert.Equal("Unlocked", Status(await site.CallAsync("UnlockConnector", """{"connectorId":1}""")));
        await site.UntilAsync(() => site.Handled("StopTransaction").Count == 1, "connector 1's StopTransaction");
        Assert.Equal("UnlockCommand", site.Handled("StopTransaction")[0].GetProperty("reason").GetString());
        site.Station(1).Unplug();
        await site.UntilStatusAsync(1, "Available");

        // TC_016: Soft reset with a transaction: StopTransaction (SoftReset), then a new BootNotification and every status.
        Assert.Equal("Accepted", Status(await site.CallAsync("Reset", """{"type":"Soft"}""")));
        await site.UntilAsync(() => site.Handled("BootNotification").Count == 2, "a new BootNotification after the soft reset");
        var stop = site.Handled("StopTransaction")[1];
        Assert.Equal("SoftReset", stop.GetProperty("reason").GetString());
        Assert.True(site.Handled().ToList().FindLastIndex(h => h.Action == "StopTransaction") < site.Handled().ToList().FindLastIndex(h => h.Action == "BootNotification"));
        await site.UntilStatusAsync(2, "Finishing");
        site.Station(2).Unplug();
        await site.UntilStatusAsync(2, "Available");
        await site.UntilAsync(() => site.Demo.Service<OpenCpm.Sessions.SessionRecorder>().Active.Current.IsEmpty, "the sessions are closed");
        using var client = await site.Demo.CreateClientAsync();
        var sessions = await client.GetFromJsonAsync<JsonElement>("/api/v1/sessions?pageSize=10", TestContext.Current.CancellationToken);
        Assert.Equal(["SoftReset", "UnlockCommand"], sessions.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("stopReason").GetString()).Order());

        // TC_015: Hard reset with a transaction: StopTransaction (HardReset) stored, then the controller restarts through the host.
        site.Station(1).PlugIn(OcppSite.Car);
        await site.UntilStatusAsync(1, "Charging");
        Assert.Equal("Accepted", Status(await site.CallAsync("Reset", """{"type":"Hard"}""")));
        await site.UntilAsync(() => site.Demo.Service<ControllerRestart>().Requested, "the hard reset restarts the controller");
        Assert.Equal(3, site.Handled("StopTransaction").Count); // delivered before the restart
        Assert.Equal("HardReset", site.Handled("StopTransaction")[2].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_connector_taken_out_of_service_charges_no_one_and_stays_so_after_a_restart()
    {
        using var data = new TempDirectory();
        IReadOnlyList<System.Net.IPAddress>? stations;
        (int One, int Two) unavailableBefore;
        await using (var site = await OcppSite.StartAsync(Peer, "CP-TC034", stations: 2, dataDirectory: data.Path))
        {
            stations = site.Demo.Options.StationAddresses;
            await site.UntilStatusAsync(2, "Available");
            Assert.Equal("Rejected", Status(await site.CallAsync("ChangeAvailability", """{"connectorId":3,"type":"Inoperative"}""")));
            Assert.Equal("Accepted", Status(await site.CallAsync("ChangeAvailability", """{"connectorId":1,"type":"Inoperative"}""")));
            await site.UntilStatusAsync(1, "Unavailable");
            Assert.Equal("Accepted", Status(await site.CallAsync("ChangeAvailability", """{"connectorId":1,"type":"Inoperative"}""")));

            // A vehicle at the connector out of service gets no current and no transaction.
            site.Station(1).PlugIn(OcppSite.Car);
            site.Station(2).PlugIn(OcppSite.Car);
            await site.UntilStatusAsync(2, "Charging");
            await site.RunAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(0, site.Station(1).StationCurrents().Max);
            Assert.Single(site.Handled("StartTransaction"));

            // With a transaction the change is Scheduled and takes effect when it ends.
            Assert.Equal("Scheduled", Status(await site.CallAsync("ChangeAvailability", """{"connectorId":2,"type":"Inoperative"}""")));
            Assert.Equal("Charging", site.LastStatus(2));
            site.Station(2).Unplug();
            await site.UntilStatusAsync(2, "Unavailable");
            site.Station(1).Unplug();
            await site.UntilStatusAsync(1, "Unavailable");
            unavailableBefore = (site.Statuses(1).Count(s => s == "Unavailable"), site.Statuses(2).Count(s => s == "Unavailable"));
        }

        // TC_034: out of service across a restart (a power cut: a new boot reports it).
        await using var again = await OcppSite.StartAsync(Peer, "CP-TC034", stations: 2, dataDirectory: data.Path, stationAddresses: stations);
        await again.UntilAsync(() => again.Handled("BootNotification").Count == 2 && again.Statuses(1).Count(s => s == "Unavailable") == unavailableBefore.One + 1 && again.Statuses(2).Count(s => s == "Unavailable") == unavailableBefore.Two + 1, "both connectors are Unavailable after the boot");
        Assert.Equal("Accepted", Status(await again.CallAsync("ChangeAvailability", """{"connectorId":0,"type":"Operative"}""")));
        await again.UntilAsync(() => again.LastStatus(1) == "Available" && again.LastStatus(2) == "Available", "the whole network is back in service");
        Assert.Equal("Accepted", Status(await again.CallAsync("ChangeAvailability", """{"connectorId":0,"type":"Inoperative"}""")));
        await again.UntilAsync(() => again.LastStatus(0) == "Unavailable" && again.LastStatus(1) == "Unavailable" && again.LastStatus(2) == "Unavailable", "connector 0 takes everything out of service");
    }

    private static string? Status(JsonElement answer) => answer.GetProperty("status").GetString();
}
