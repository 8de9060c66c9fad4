using OpenCpm.Core.LoadManagement;
using OpenCpm.Tests.Control.Fakes;

namespace OpenCpm.Tests.SmartCharging;

/// <summary>
/// Charging profiles in the control loop (fake stations, fake clock): a station's profile in W becomes its limit in
/// amperes by its phases, the connector-0 default limits the network, minChargingRate keeps a station from a current
/// too small, and a profile never lifts a setpoint above another limit.
/// </summary>
public sealed class SmartChargingLoopTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task A_station_profile_in_watts_limits_that_station_by_its_own_phases_and_says_ocpp()
    {
        var site = new SiteSettings
        {
            MaxCurrentA = 63,
            NominalVoltageV = 230,
            ChargePoints =
            [
                new ChargePointSettings { Id = "cp1", MaxCurrentA = 32 },
                new ChargePointSettings { Id = "cp2", MaxCurrentA = 32, Connection = PhaseConnection.SinglePhase, SinglePhase = Phase.L2 },
                new ChargePointSettings { Id = "cp3", MaxCurrentA = 16 },
            ],
        };
        await using var fake = await FakeSite.StartAsync(site);
        fake.Stations[0].PlugIn(phases: 3, maxCurrentA: 32);
        fake.Stations[1].PlugIn(phases: 1, maxCurrentA: 32);
        fake.Stations[2].PlugIn(phases: 3, maxCurrentA: 32);
        await fake.RunAsync(TimeSpan.FromSeconds(10), Step);
        Assert.All(fake.Snapshot.ChargePoints, c => Assert.True(c.SetpointA > 10, $"{c.Id} has {c.SetpointA} A"));

        var backend = BackendCalls.Of(fake.App);
        var now = fake.Time.GetUtcNow();
        Assert.Equal("Accepted", await backend.SetChargingProfileAsync(BackendCalls.Profile(1, 1, "TxDefaultProfile", 0, now, "W", (0, 6900))));
        Assert.Equal("Accepted", await backend.SetChargingProfileAsync(BackendCalls.Profile(2, 2, "TxDefaultProfile", 0, now, "W", (0, 2300))));
        Assert.Equal("Accepted", await backend.SetChargingProfileAsync(BackendCalls.Profile(3, 3, "TxDefaultProfile", 0, now, "A", (0, 20))));
        await fake.RunAsync(TimeSpan.FromSeconds(2), Step);

        var cps = fake.Snapshot.ChargePoints;
        Assert.Equal(10, cps[0].SetpointA); // 6,900 W on three phases at 230 V
        Assert.Equal(10, cps[1].SetpointA); // 2,300 W on one phase
        Assert.Equal(16, cps[2].SetpointA); // 20 A allowed, the station's own 16 A binds
        Assert.Equal(LimitKind.Ocpp, cps[0].LimitedBy.Kind);
        Assert.Equal(LimitKind.Ocpp, cps[1].LimitedBy.Kind);
        Assert.Equal(LimitKind.ChargePoint, cps[2].LimitedBy.Kind);
        Assert.Equal("ocpp", cps[0].LimitedBy.ToString());
        Assert.Equal(10, fake.Stations[0].SetpointA);
        Assert.Equal(10, fake.Stations[1].SetpointA);
    }

    [Fact]
    public async Task The_connector_0_default_limits_the_whole_network_and_a_clear_gives_the_current_back()
    {
        var site = new SiteSettings
        {
            MaxCurrentA = 63,
            ChargePoints = [new ChargePointSettings { Id = "cp1", MaxCurrentA = 32 }, new ChargePointSettings { Id = "cp2", MaxCurrentA = 32 }],
        };
        await using var fake = await FakeSite.StartAsync(site);
        fake.Stations[0].PlugIn(phases: 3, maxCurrentA: 32);
        fake.Stations[1].PlugIn(phases: 3, maxCurrentA: 32);
        await fake.RunAsync(TimeSpan.FromSeconds(10), Step);
        Assert.Equal(63, fake.Snapshot.ChargePoints.Sum(c => c.SetpointA), 0);

        var backend = BackendCalls.Of(fake.App);
        Assert.Equal("Accepted", await backend.SetChargingProfileAsync(BackendCalls.Profile(0, 9, "TxDefaultProfile", 0, fake.Time.GetUtcNow(), "A", (0, 24))));
        await fake.RunAsync(TimeSpan.FromSeconds(2), Step);
        Assert.All(fake.Snapshot.ChargePoints, c => Assert.Equal((12, LimitKind.OcppSite), (c.SetpointA, c.LimitedBy.Kind)));

        Assert.Equal("Accepted", await backend.ClearChargingProfileAsync("""{"chargingProfilePurpose": "TxDefaultProfile"}"""));
        await fake.RunAsync(TimeSpan.FromSeconds(12), Step);
        Assert.Equal(63, fake.Snapshot.ChargePoints.Sum(c => c.SetpointA), 0);
    }

    [Fact]
    public async Task MinChargingRate_pauses_a_station_rather_than_give_it_less_and_a_profile_never_lifts_a_lower_limit()
    {
        var site = new SiteSettings { MaxCurrentA = 8, ChargePoints = [new ChargePointSettings { Id = "cp1", MaxCurrentA = 32 }] };
        await using var fake = await FakeSite.StartAsync(site);
        fake.Stations[0].PlugIn(phases: 3, maxCurrentA: 32);
        await fake.RunAsync(TimeSpan.FromSeconds(10), Step);
        Assert.Equal(8, fake.Snapshot.ChargePoints[0].SetpointA);

        // 32 A allowed by the profile: the 8 A fuse still binds.
        var backend = BackendCalls.Of(fake.App);
        var profile = BackendCalls.Profile(1, 4, "TxDefaultProfile", 0, fake.Time.GetUtcNow(), "A", (0, 32));
        Assert.Equal("Accepted", await backend.SetChargingProfileAsync(profile));
        await fake.RunAsync(TimeSpan.FromSeconds(2), Step);
        Assert.Equal((8, LimitKind.Site), (fake.Snapshot.ChargePoints[0].SetpointA, fake.Snapshot.ChargePoints[0].LimitedBy.Kind));

        // The same profile (replaced by id) says no less than 10 A is worth charging: the fuse can't give that.
        Assert.Equal("Accepted", await backend.SetChargingProfileAsync(
            profile.Replace("\"chargingRateUnit\"", "\"minChargingRate\": 10, \"chargingRateUnit\"", StringComparison.Ordinal)));
        await fake.RunAsync(TimeSpan.FromSeconds(3), Step);
        Assert.Equal(0, fake.Snapshot.ChargePoints[0].SetpointA);
        Assert.Equal(0, fake.Stations[0].SetpointA);
    }
}
