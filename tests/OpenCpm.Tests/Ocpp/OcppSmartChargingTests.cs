using OpenCpm.Core.LoadManagement;
using OpenCpm.SmartCharging;
using OpenCpm.Tests.Interop.OcppRpc;

namespace OpenCpm.Tests.Ocpp;

/// <summary>
/// Smart charging over the link (issue 15 items 1 and 5; OCA TC_056, TC_057, TC_058_1/2, TC_082, TC_059, TC_060; the
/// composite vectors TC_066/067/072 are Core tests): the backend's profiles reach the allocator, the SmartCharging keys
/// are reported, a TxProfile names the transaction the backend gave and goes with it, and a remote start may bring one.
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

    [Fact]
    public async Task The_central_smart_charging_cases_limit_the_right_transactions_and_a_remote_start_brings_its_tx_profile()
    {
        await using var site = await OcppSite.StartAsync(Peer, "CP-SMART-OCA", stations: 3);
        await site.UntilStatusAsync(3, "Available");
        var service = site.Demo.Service<SmartChargingService>();

        // TC_058_1: a TxProfile needs a transaction on its connector.
        Assert.Equal("Rejected", Status(await site.CallAsync("SetChargingProfile", Profile(1, id: 1, "TxProfile", stackLevel: 0, limitA: 8, transactionId: 1))));

        // TC_056: a TxDefaultProfile on connector 1 limits the transaction that starts there; the composite echoes it.
        Assert.Equal("Accepted", Status(await site.CallAsync("SetChargingProfile", Profile(1, id: 2, "TxDefaultProfile", stackLevel: 0, limitA: 6))));
        site.Station(1).PlugIn(OcppSite.Car);
        await site.UntilAsync(() => site.Tracker.Running.Current.TryGetValue("cp1", out var t) && t.TransactionId is not null, "the transaction at connector 1 has the backend's id");
        await site.UntilAsync(() => site.Snapshot.Find("cp1") is { SetpointA: > 0 and <= 6 } cp && cp.LimitedBy.Kind == LimitKind.Ocpp, "cp1 charges at the TxDefaultProfile's 6 A");
        Assert.Equal(6, await CompositeLimitAsync(site, 1));
        var transaction1 = site.Tracker.Running.Current["cp1"].TransactionId!.Value;

        // TC_058_2: a TxProfile naming another transaction is refused; TC_057: one naming this transaction overrides the default.
        Assert.Equal("Rejected", Status(await site.CallAsync("SetChargingProfile", Profile(1, id: 3, "TxProfile", stackLevel: 0, limitA: 10, transactionId: transaction1 + 1000))));
        Assert.Equal("Accepted", Status(await site.CallAsync("SetChargingProfile", Profile(1, id: 3, "TxProfile", stackLevel: 0, limitA: 10, transactionId: transaction1))));
        await site.UntilAsync(() => site.Snapshot.Find("cp1") is { SetpointA: > 6 and <= 10 }, "cp1 charges at the TxProfile's 10 A");
        Assert.Equal(10, await CompositeLimitAsync(site, 1));

        // TC_082: a TxDefaultProfile for every connector applies to the transaction already running at connector 2.
        site.Station(2).PlugIn(OcppSite.Car);
        await site.UntilAsync(() => site.Snapshot.Find("cp2") is { SetpointA: > 8 }, "cp2 charges");
        Assert.Equal("Accepted", Status(await site.CallAsync("SetChargingProfile", Profile(0, id: 4, "TxDefaultProfile", stackLevel: 0, limitA: 8))));
        await site.UntilAsync(() => site.Snapshot.Find("cp2") is { SetpointA: > 0 and <= 8 } cp && cp.LimitedBy.Kind == LimitKind.Ocpp, "cp2 is held to 8 A");
        Assert.Equal(8, await CompositeLimitAsync(site, 2));

        // TC_060: a remote start with a profile of another purpose, or one naming a transaction, is refused.
        Assert.Equal("Rejected", Status(await site.CallAsync("RemoteStartTransaction", RemoteStart(3, Profile(null, id: 5, "TxDefaultProfile", stackLevel: 0, limitA: 7)))));
        Assert.Equal("Rejected", Status(await site.CallAsync("RemoteStartTransaction", RemoteStart(3, Profile(null, id: 5, "TxProfile", stackLevel: 0, limitA: 7, transactionId: 1)))));
        Assert.DoesNotContain(service.Profiles.Profiles, p => p.Profile.Id == 5);

        // TC_059: a remote start with a TxProfile: the profile belongs to the transaction it begins (alone on the site, so its own limit binds it).
        site.Station(1).Unplug();
        site.Station(2).Unplug();
        await site.UntilAsync(() => site.Handled("StopTransaction").Count == 2, "both transactions stop");
        Assert.Equal("Accepted", Status(await site.CallAsync("RemoteStartTransaction", RemoteStart(3, Profile(null, id: 5, "TxProfile", stackLevel: 1, limitA: 7)))));
        site.Station(3).PlugIn(OcppSite.Car);
        await site.UntilAsync(() => site.Tracker.Running.Current.TryGetValue("cp3", out var t) && t.TransactionId is not null, "the remote start's transaction has the backend's id");
        var transaction3 = site.Tracker.Running.Current["cp3"].TransactionId!.Value;
        await site.UntilAsync(() => service.Profiles.Profiles.Any(p => p.Profile.Id == 5), "the remote start's TxProfile is installed");
        var installed = Assert.Single(service.Profiles.Profiles, p => p.Profile.Id == 5);
        Assert.Equal((3, transaction3), (installed.ConnectorId, installed.Profile.TransactionId));
        Assert.Equal(7, await CompositeLimitAsync(site, 3));
        await site.UntilAsync(() => site.Snapshot.Find("cp3") is { SetpointA: > 0 and <= 7 } cp && cp.LimitedBy.Kind == LimitKind.Ocpp, "cp3 is held to the remote start's 7 A");

        // It goes with its transaction.
        site.Station(3).Unplug();
        await site.UntilAsync(() => service.Profiles.Profiles.All(p => p.Profile.Id != 5), "the TxProfile is gone with its transaction");
        Peer.AssertClean(site.Identity);
    }

    /// <summary>
    /// Issue 15's target: a ChargePointMaxProfile step takes effect at the stations within one control cycle plus the
    /// reduction's acknowledgement of its start time. The step (to 12 A for the network, 6 A each) is 60 s after the
    /// profile's start; around it the fake clock moves in 10 ms steps, each followed by real time for the controller and
    /// the stations (real UDP) to act, so every instant recorded here is an upper bound on the fake clock. Measured: the
    /// allocation changes 0 ms after the step (the profile-boundary timer), the stations acknowledge within the next
    /// 10 ms step; the vehicles draw less after the station's pilot delay (6.5 s on a KEBA P30) and their reaction.
    /// </summary>
    [Fact]
    public async Task A_network_profile_step_reaches_the_stations_within_one_cycle_and_their_acknowledgement()
    {
        await using var site = await OcppSite.StartAsync(Peer, "CP-SMART-STEP", stations: 2);
        await site.UntilStatusAsync(2, "Available");
        site.Station(1).PlugIn(OcppSite.Car);
        site.Station(2).PlugIn(OcppSite.Car);
        await site.UntilAsync(() => site.Snapshot.ChargePoints.All(c => c.CommandedA >= 10 && c.SetpointA >= 10), "both vehicles charge at 10 A or more");

        var start = site.Time.GetUtcNow();
        start = start.AddTicks(-(start.Ticks % TimeSpan.TicksPerSecond));
        var step = start.AddSeconds(60);
        var profile = Invariant($$"""{"connectorId":0,"csChargingProfiles":{"chargingProfileId":9,"stackLevel":0,"chargingProfilePurpose":"ChargePointMaxProfile","chargingProfileKind":"Absolute","chargingSchedule":{"startSchedule":"{{start:yyyy-MM-ddTHH:mm:ssZ}}","chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":40},{"startPeriod":60,"limit":12}]""") + "}}}";
        Assert.Equal("Accepted", Status(await site.CallAsync("SetChargingProfile", profile)));
        await site.UntilAsync(() => site.Time.GetUtcNow() >= step.AddSeconds(-1), "the clock nears the step");
        Assert.All(site.Snapshot.ChargePoints, c => Assert.True(c.SetpointA > 6, "no change before the step"));

        DateTimeOffset? allocated = null, acknowledged = null, drawn = null;
        await site.UntilAsync(
            () =>
            {
                var now = site.Time.GetUtcNow();
                var points = site.Snapshot.ChargePoints;
                allocated ??= points.All(c => c.SetpointA <= 6) ? now : null;
                acknowledged ??= points.All(c => c.CommandedA <= 6) ? now : null;
                drawn ??= site.Station(1).StationCurrents().L1 <= 6.05 && site.Station(2).StationCurrents().L1 <= 6.05 ? now : null;
                return drawn is not null && acknowledged is not null;
            },
            "the stations acknowledge and draw 6 A each",
            TimeSpan.FromMilliseconds(10));

        var toAllocation = allocated!.Value - step;
        var toAcknowledgement = acknowledged!.Value - step;
        TestContext.Current.TestOutputHelper?.WriteLine(Invariant(
            $"ChargePointMaxProfile step: allocation after {toAllocation.TotalMilliseconds:0} ms, acknowledged after {toAcknowledgement.TotalMilliseconds:0} ms, vehicles draw 6 A after {(drawn!.Value - step).TotalMilliseconds:0} ms (fake clock, 10 ms steps)"));
        Assert.True(toAllocation >= TimeSpan.Zero, "not before the step");
        Assert.True(toAllocation <= TimeSpan.FromSeconds(1), $"the allocation follows within one control cycle (1 s), not {toAllocation.TotalMilliseconds} ms");
        Assert.True(toAcknowledgement - toAllocation <= TimeSpan.FromMilliseconds(500), $"the stations acknowledge the reduction within 500 ms of it, not {(toAcknowledgement - toAllocation).TotalMilliseconds} ms");
        // The vehicles follow once the station applies the new pilot current (the KEBA's own pilot delay) and react.
        var follow = site.Station(1).Setup.Profile.PilotDelay + OcppSite.Car.Reaction + TimeSpan.FromSeconds(1);
        Assert.True(drawn!.Value - acknowledged.Value <= follow, $"the vehicles draw 6 A within {follow.TotalSeconds} s of the acknowledgement, not {(drawn.Value - acknowledged.Value).TotalSeconds} s");
        Assert.All(site.Snapshot.ChargePoints, c => Assert.Equal(LimitKind.OcppSite, c.LimitedBy.Kind));
        Peer.AssertClean(site.Identity);
    }

    private static string Profile(int? connectorId, int id, string purpose, int stackLevel, double limitA, int? transactionId = null)
    {
        var tx = transactionId is { } t ? Invariant($"\"transactionId\":{t},") : "";
        var schedule = Invariant($$"""{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":{{limitA}}}]""") + "}";
        var profile = Invariant($$"""{"chargingProfileId":{{id}},{{tx}}"stackLevel":{{stackLevel}},"chargingProfilePurpose":"{{purpose}}","chargingProfileKind":"Relative","chargingSchedule":{{schedule}}""") + "}";
        return connectorId is { } c ? Invariant($$"""{"connectorId":{{c}},"csChargingProfiles":{{profile}}""") + "}" : profile;
    }

    private static string RemoteStart(int connectorId, string profile) =>
        Invariant($$"""{"connectorId":{{connectorId}},"idTag":"04E91C5A","chargingProfile":{{profile}}""") + "}";

    private static async Task<double> CompositeLimitAsync(OcppSite site, int connectorId)
    {
        var composite = await site.CallAsync("GetCompositeSchedule", Invariant($$"""{"connectorId":{{connectorId}},"duration":300,"chargingRateUnit":"A"}"""));
        Assert.Equal("Accepted", Status(composite));
        return composite.GetProperty("chargingSchedule").GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDouble();
    }

    private static string? Status(System.Text.Json.JsonElement reply) => reply.GetProperty("status").GetString();

    private static string Invariant(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
