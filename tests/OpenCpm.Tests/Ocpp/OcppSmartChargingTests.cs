using OpenCpm.Core.LoadManagement;
using OpenCpm.SmartCharging;
using OpenCpm.Tests.Interop.OcppRpc;

namespace OpenCpm.Tests.Ocpp;

/// <summary>
/// Smart charging over the link (issue 15 item 1, TC_056/TC_066-style): the backend's profiles reach the allocator, the
/// SmartCharging keys are reported, a TxProfile names the transaction the backend gave and goes with it.
/// </summary>
public sealed class OcppSmartChargingTests(OcppRpcPeerFixture fixture) : IClassFixture<OcppRpcPeerFixture>
{
    private OcppRpcPeer Peer => fixture.Peer;

    [Fact]
    public async Task A_network_profile_from_the_backend_limits_the_stations_and_a_tx_profile_goes_with_its_transaction()
    {
        await using var site = await OcppSite.StartAsync(Peer, "CP-SMART", stations: 2);
        await site.UntilStatusAsync(2, "Available");

        var configuration = await site.CallAsync("GetConfiguration", """{"key":["SupportedFeatureProfiles","ChargeProfileMaxStackLevel","ChargingScheduleAllowedChargingRateUnit"]}""");
        var keys = configuration.GetProperty("configurationKey").EnumerateArray().ToDictionary(k => k.GetProperty("key").GetString()!, k => k.GetProperty("value").GetString());
        Assert.Contains("SmartCharging", keys["SupportedFeatureProfiles"], StringComparison.Ordinal);
        Assert.Equal("8", keys["ChargeProfileMaxStackLevel"]);
        Assert.Equal("Current,Power", keys["ChargingScheduleAllowedChargingRateUnit"]);

        site.Station(1).PlugIn(OcppSite.Car);
        site.Station(2).PlugIn(OcppSite.Car);
        await site.UntilAsync(() => site.Tracker.Running.Current.Values.Count(t => t.TransactionId is not null) == 2, "both transactions have the backend's ids");
        await site.UntilAsync(() => site.Snapshot.ChargePoints.All(c => c.SetpointA >= 10), "both vehicles charge");

        // A ChargePointMaxProfile of 12 A for the whole network: 6 A each, bound by the backend's site limit.
        var max = await site.CallAsync("SetChargingProfile", """
            {"connectorId":0,"csChargingProfiles":{"chargingProfileId":1,"stackLevel":0,"chargingProfilePurpose":"ChargePointMaxProfile",
             "chargingProfileKind":"Absolute","chargingSchedule":{"startSchedule":"2026-11-27T00:00:00Z","chargingRateUnit":"A",
             "chargingSchedulePeriod":[{"startPeriod":0,"limit":12}]}}}
            """);
        Assert.Equal("Accepted", max.GetProperty("status").GetString());
        await site.UntilAsync(
            () => site.Snapshot.ChargePoints.All(c => c.SetpointA <= 6 && c.LimitedBy.Kind == LimitKind.OcppSite),
            "the stations are held to 12 A together by the backend's profile");

        // A TxProfile of 6 A for the first connector's transaction; the composite for connector 1 shows it.
        var transactionId = site.Tracker.Running.Current["cp1"].TransactionId!.Value;
        var tx = await site.CallAsync("SetChargingProfile", """
            {"connectorId":1,"csChargingProfiles":{"chargingProfileId":2,"transactionId":TX,"stackLevel":1,"chargingProfilePurpose":"TxProfile",
             "chargingProfileKind":"Relative","chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":6}]}}}
            """.Replace("TX", transactionId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Equal("Accepted", tx.GetProperty("status").GetString());
        var composite = await site.CallAsync("GetCompositeSchedule", """{"connectorId":1,"duration":600,"chargingRateUnit":"A"}""");
        Assert.Equal("Accepted", composite.GetProperty("status").GetString());
        Assert.Equal(6, composite.GetProperty("chargingSchedule").GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDouble());

        // The vehicle leaves: the transaction stops and its TxProfile is removed; the network profile stays.
        site.Station(1).Unplug();
        await site.UntilAsync(() => site.Handled("StopTransaction").Count == 1, "the StopTransaction");
        var service = site.Demo.Service<SmartChargingService>();
        await site.UntilAsync(() => service.Profiles.Profiles.All(p => p.Profile.Id != 2), "the TxProfile is gone with its transaction");
        Assert.Contains(service.Profiles.Profiles, p => p.Profile.Id == 1);

        // Cleared, the network profile gives the current back.
        var clear = await site.CallAsync("ClearChargingProfile", """{"id":1}""");
        Assert.Equal("Accepted", clear.GetProperty("status").GetString());
        await site.UntilAsync(() => site.Snapshot.Find("cp2") is { SetpointA: > 6 } cp && cp.LimitedBy.Kind != LimitKind.OcppSite, "cp2 gets its current back");
        Peer.AssertClean(site.Identity);
    }
}
