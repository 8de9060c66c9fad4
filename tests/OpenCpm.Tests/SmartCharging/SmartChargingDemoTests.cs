using System.Globalization;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Simulation.Vehicles;
using OpenCpm.Tests.Api;
using OpenCpm.Tests.Demo;

namespace OpenCpm.Tests.SmartCharging;

/// <summary>
/// The whole demo (P30 simulators over real UDP, the Modbus meter, the controller) on one fake clock with a backend's
/// ChargePointMaxProfile: the step down takes effect at the stations at the period boundary itself — the timer wakes
/// the control loop, which sends the reductions — not whenever the next 1 s cycle happens to come.
/// </summary>
public sealed class SmartChargingDemoTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
    private static readonly VehicleSpec Car = new() { Phases = 3, MaxCurrentA = 32, Reaction = TimeSpan.FromSeconds(2), BatteryWh = 200_000, InitialSoc = 0.1 };
    private static readonly TimeSpan Fine = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Coarse = TimeSpan.FromMilliseconds(200);

    /// <summary>One control cycle (the loop runs at least once a second) plus a station's acknowledgement of a currtime.</summary>
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(1) + TimeSpan.FromSeconds(0.5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_ChargePointMaxProfile_step_reduces_every_station_at_the_boundary_within_one_cycle_and_the_acknowledgement()
    {
        var time = new FakeTimeProvider(T0);
        await using var demo = await DemoApplication.StartAsync(stations: 3, time: time);
        var clock = new DemoClock(demo, time);
        var stations = demo.Site.Stations;
        demo.Site.SetHouseholdLoad(PhaseCurrents.All(0));
        foreach (var station in stations)
        {
            station.PlugIn(Car);
        }

        // Three cars share the 63 A site: about 21 A each.
        var shared = await clock.RunUntilAsync(() => stations.All(s => DemoClock.TargetA(s) >= 18), TimeSpan.FromSeconds(60), Coarse);
        Assert.True(shared is not null, $"the cars never shared the site: targets {Targets(stations)}");

        // The backend limits the network to 30 A per phase from 20 s after a start that is not on a cycle's second.
        var start = clock.Now.AddMilliseconds(350);
        var boundary = start.AddSeconds(20);
        var backend = BackendCalls.Of(demo);
        Assert.Equal("Accepted", await backend.SetChargingProfileAsync(BackendCalls.Profile(0, 7, "ChargePointMaxProfile", 0, start, "A", (0, 63), (20, 30))));

        await clock.RunToAsync(boundary - Fine, Coarse);
        Assert.True(clock.Snapshot.ChargePoints.All(c => c.SetpointA >= 18 && c.LimitedBy.Kind != LimitKind.OcppSite), $"reduced before the boundary: {Allocation(clock)}");

        // The clock steps onto the boundary and stands still: the timer wakes the loop there, and the real time until
        // the controller has every station's acknowledgement of its reduction is the delay (the loop's work, the UDP round trips).
        TimeSpan? decided = null;
        TimeSpan? acknowledged = null;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var reduced = await clock.StepAndWaitAsync(
            Fine,
            () =>
            {
                decided ??= stations.All(s => DemoClock.TargetA(s) <= 10) ? watch.Elapsed : null;
                acknowledged ??= decided is not null && clock.Snapshot.ChargePoints.All(c => c.CommandedA <= 10) ? watch.Elapsed : null;
                return acknowledged is not null;
            },
            TimeSpan.FromSeconds(10));
        Assert.True(reduced && acknowledged is not null, $"the stations were not reduced within 10 s of the boundary: targets {Targets(stations)}; {Allocation(clock)}");
        Assert.Equal(boundary, clock.Now); // the fake clock stood at the boundary: no cycle of the 1 s rhythm was needed
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"boundary → every station offers at most 10 A {decided?.TotalMilliseconds:0} ms, → the controller has every acknowledgement {acknowledged.Value.TotalMilliseconds:0} ms (real time, fake clock at the boundary)"));
        Assert.True(acknowledged <= Target, $"the stations took {acknowledged.Value.TotalSeconds:0.00} s after the boundary (target {Target.TotalSeconds} s)");
        Assert.All(clock.Snapshot.ChargePoints, c => Assert.Equal(LimitKind.OcppSite, c.LimitedBy.Kind));
        Assert.Equal("ocpp:site", LimitReason.Of(LimitKind.OcppSite).ToString());

        // The operator sees what binds.
        using var client = await demo.CreateClientAsync();
        var view = await (await client.GetAsync("/api/v1/smart-charging/profiles", Ct)).JsonAsync();
        Assert.Equal(30, view.GetProperty("site").GetProperty("limitA").GetDouble());
        Assert.Equal(7, Assert.Single(view.GetProperty("profiles").EnumerateArray()).GetProperty("chargingProfileId").GetInt32());
        var composite = await (await client.GetAsync("/api/v1/smart-charging/composite?connectorId=0&durationS=60", Ct)).JsonAsync();
        Assert.Equal(30, Assert.Single(composite.GetProperty("periods").EnumerateArray()).GetProperty("limit").GetDouble());

        // The vehicles follow the pilot (6.5 s on a P30, 2 s for the car): the grid is within the profile after that.
        var followedAt = await clock.RunUntilAsync(() => demo.Site.ChargingLoad().Max <= 30 + 0.01, TimeSpan.FromSeconds(15), Coarse);
        Assert.True(followedAt is not null, $"the cars still draw {demo.Site.ChargingLoad()} after the boundary");
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"boundary → the cars draw at most 30 A: {(followedAt.Value - boundary).TotalSeconds:0.0} s"));
    }

    [Fact]
    public async Task The_rest_view_needs_a_login_and_names_a_wrong_query_parameter()
    {
        await using var demo = await DemoApplication.StartAsync(stations: 1);
        using var anonymous = demo.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/smart-charging/profiles", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/smart-charging/composite?connectorId=0&durationS=60", Ct)).StatusCode);

        using var client = await demo.CreateClientAsync();
        var empty = await (await client.GetAsync("/api/v1/smart-charging/profiles", Ct)).JsonAsync();
        Assert.Empty(empty.GetProperty("profiles").EnumerateArray());
        Assert.Equal("8", empty.GetProperty("configuration").GetProperty("ChargeProfileMaxStackLevel").GetString());

        var noDuration = await client.GetAsync("/api/v1/smart-charging/composite?connectorId=0", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noDuration.StatusCode);
        Assert.Contains("durationS", await noDuration.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/smart-charging/composite?connectorId=0&durationS=60&unit=kW", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/smart-charging/composite?connectorId=2&durationS=60", Ct)).StatusCode);
        var station = await (await client.GetAsync("/api/v1/smart-charging/composite?connectorId=1&durationS=60&unit=A", Ct)).JsonAsync();
        Assert.Equal("cp1", station.GetProperty("chargePoint").GetString());
    }

    private static string Allocation(DemoClock clock) => string.Join(", ", clock.Snapshot.ChargePoints.Select(c =>
        string.Create(CultureInfo.InvariantCulture, $"{c.Id} {c.State} {c.SetpointA} A ({c.LimitedBy})")));

    private static string Targets(IEnumerable<Simulation.SimulatedSiteStation> stations) =>
        string.Join(", ", stations.Select(s => DemoClock.TargetA(s).ToString("0.#", CultureInfo.InvariantCulture)));
}
