using OpenCpm.Settings;
using OpenCpm.Control;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Data;
using OpenCpm.Protocols.Keba;
using OpenCpm.Protocols.Modbus;
using OpenCpm.Simulation.Meters;
using OpenCpm.Simulation.Stations;
using OpenCpm.Simulation.Vehicles;
using OpenCpm.Tests.Api;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Control;

/// <summary>The control loop end to end: the real host, simulated P30 stations over real UDP on loopback.</summary>
public sealed class SiteControllerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Shares_the_site_limit_between_charging_vehicles_and_reduces_before_raising()
    {
        var stations = Enumerable.Range(0, 3)
            .Select(k => SimulatedKebaStation.Start(FreePort.LoopbackAddress(), KebaStationProfile.CSeries((91_000_000 + k).ToString(CultureInfo.InvariantCulture)), TimeProvider.System))
            .ToList();
        try
        {
            await using var app = await OpenCpmApplication.StartAsync();
            var store = app.Service<SettingsService>();
            var site = new SiteSettings
            {
                MaxCurrentA = 20,
                ChargePoints = [.. stations.Select((s, k) => new ChargePointSettings { Id = $"cp{k + 1}", MaxCurrentA = 32, FailsafeCurrentA = 0 })],
            };
            await ConfigureAsync(store, site, stations);

            using var client = await app.CreateClientAsync();
            stations[0].PlugIn(new VehicleSpec { Phases = 3, MaxCurrentA = 32, Reaction = TimeSpan.FromSeconds(1) });

            await Eventually.TrueAsync(async () => (await SetpointAsync(client, "cp1")) == 20, TimeSpan.FromSeconds(30), "cp1 gets the whole site");

            stations[1].PlugIn(new VehicleSpec { Phases = 3, MaxCurrentA = 32, Reaction = TimeSpan.FromSeconds(1) });

            await Eventually.TrueAsync(
                async () => await SetpointAsync(client, "cp1") == 10 && await SetpointAsync(client, "cp2") == 10,
                TimeSpan.FromSeconds(30),
                "both vehicles share 20 A");
            await Eventually.TrueAsync(
                () => stations[0].Inspect(m => m.Report2().UserCurrentMilliA) == 10_000 && stations[1].Inspect(m => m.Report2().UserCurrentMilliA) == 10_000,
                TimeSpan.FromSeconds(30),
                "both stations were commanded 10 A");

            using var status = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/status", UriKind.Relative), Ct));
            var allocation = status.RootElement.GetProperty("allocation").GetProperty("site");
            Assert.True(allocation.GetProperty("l1").GetDouble() <= 20);
            Assert.Equal(20, allocation.GetProperty("limitA").GetDouble());
        }
        finally
        {
            foreach (var s in stations)
            {
                await s.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Charges_five_vehicles_on_ten_stations_within_every_limit()
    {
        var stations = Enumerable.Range(0, 10)
            .Select(k => SimulatedKebaStation.Start(FreePort.LoopbackAddress(), KebaStationProfile.CSeries((94_000_000 + k).ToString(CultureInfo.InvariantCulture)) with { PilotDelay = TimeSpan.FromMilliseconds(500) }, TimeProvider.System))
            .ToList();
        try
        {
            await using var app = await OpenCpmApplication.StartAsync();
            var store = app.Service<SettingsService>();
            var rotations = new[] { PhaseRotation.L1L2L3, PhaseRotation.L2L3L1, PhaseRotation.L3L1L2 };
            var site = new SiteSettings
            {
                MaxCurrentA = 40,
                ClustersEnabled = true,
                Clusters = [new ClusterSettings { Id = "garage", MaxCurrentA = 20 }],
                ChargePoints = [.. stations.Select((s, k) => new ChargePointSettings
                {
                    Id = $"cp{k + 1}", MaxCurrentA = 32, Rotation = rotations[k % 3], Cluster = k < 3 ? "garage" : null,
                })],
            };
            await ConfigureAsync(store, site, stations);

            using var client = await app.CreateClientAsync();
            await Eventually.TrueAsync(
                async () => (await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/chargepoints", UriKind.Relative), Ct)).EnumerateArray().All(cp => cp.GetProperty("state").GetString() == "idle"),
                TimeSpan.FromSeconds(30),
                "the controller sees all ten stations idle");
            var plugged = new[] { 0, 1, 4, 6, 8 };
            foreach (var k in plugged)
            {
                stations[k].PlugIn(new VehicleSpec { Phases = k == 4 ? 1 : 3, MaxCurrentA = 32, Reaction = TimeSpan.FromSeconds(1) });
            }

            await Eventually.TrueAsync(
                async () =>
                {
                    var cps = (await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/chargepoints", UriKind.Relative), Ct)).EnumerateArray().ToList();
                    return plugged.All(k => cps[k].GetProperty("state").GetString() == "charging" && cps[k].GetProperty("setpointA").GetDouble() >= 6);
                },
                TimeSpan.FromSeconds(40),
                "all five vehicles charge");

            using var status = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/status", UriKind.Relative), Ct));
            var allocation = status.RootElement.GetProperty("allocation");
            foreach (var phase in new[] { "l1", "l2", "l3" })
            {
                Assert.True(allocation.GetProperty("site").GetProperty(phase).GetDouble() <= 40, $"site {phase}");
                Assert.True(allocation.GetProperty("clusters")[0].GetProperty(phase).GetDouble() <= 20, $"garage {phase}");
            }

            var states = status.RootElement.GetProperty("chargePoints").EnumerateArray().Select(cp => cp.GetProperty("state").GetString()).ToList();
            Assert.All(plugged, k => Assert.Equal("charging", states[k]));
            Assert.Equal(5, states.Count(s => s == "idle"));
            var reports = stations.Select(s => s.Inspect(m => m.Report2())).ToList();
            // What each station was last told: a currtime still counting down its 1 s delay is the target, else Curr user.
            var commanded = reports.Select(r => (r.TimerRemainingS > 0 ? r.TimerCurrentMilliA : r.UserCurrentMilliA) / 1000.0).ToList();
            Assert.True(
                commanded[0] + commanded[1] <= 20,
                $"the garage cluster's stations together: {commanded[0]} + {commanded[1]} A, Curr timer {reports[0].TimerCurrentMilliA}/{reports[0].TimerRemainingS} s and {reports[1].TimerCurrentMilliA}/{reports[1].TimerRemainingS} s");
        }
        finally
        {
            foreach (var s in stations)
            {
                await s.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Reduces_the_stations_when_the_household_load_seen_by_the_meter_steps_up()
    {
        var stations = Enumerable.Range(0, 2)
            .Select(k => SimulatedKebaStation.Start(FreePort.LoopbackAddress(), KebaStationProfile.CSeries((92_000_000 + k).ToString(CultureInfo.InvariantCulture)), TimeProvider.System))
            .ToList();
        await using var meter = SimulatedGridMeter.Launch(MeterProfileCatalog.BuiltIn.Find("cg-em24-e1")!, new SimulatedGridMeterOptions { Address = IPAddress.Loopback }, TimeProvider.System);
        using var feed = new CancellationTokenSource();
        var feeding = FeedChargingLoadAsync(meter, stations, feed.Token);
        try
        {
            await using var app = await OpenCpmApplication.StartAsync();
            var store = app.Service<SettingsService>();
            var site = new SiteSettings
            {
                MaxCurrentA = 32,
                MeterFallbackPowerW = 0,
                ChargePoints = [.. stations.Select((s, k) => new ChargePointSettings { Id = $"cp{k + 1}", MaxCurrentA = 16 })],
            };
            await ConfigureAsync(store, site, stations);

            await store.UpdateAsync<MeterSettings>(_ => new MeterSettings { Enabled = true, ProfileId = "cg-em24-e1", Host = "127.0.0.1", Port = meter.Port, UnitId = 1, PollSeconds = 1 }, "test", null, Ct);
            using var client = await app.CreateClientAsync();
            foreach (var station in stations)
            {
                station.PlugIn(new VehicleSpec { Phases = 3, MaxCurrentA = 16, Reaction = TimeSpan.FromSeconds(1) });
            }

            await Eventually.TrueAsync(
                () => stations.All(s => s.Inspect(m => m.Report3().I1MilliA) >= 15_000),
                TimeSpan.FromSeconds(40),
                "both vehicles charge at 16 A");

            meter.SetHouseholdLoad(new PhaseCurrents(20, 20, 20));

            await Eventually.TrueAsync(
                () => stations.All(s => s.Inspect(m => m.Report2().UserCurrentMilliA) == 6_000),
                TimeSpan.FromSeconds(10),
                "the 12 A left by the household are shared: 6 A each");
            Assert.Equal("meter:L1", (await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/chargepoints/cp1", UriKind.Relative), Ct)).GetProperty("limitedBy").GetString());
            var meterStatus = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/meter", UriKind.Relative), Ct);
            Assert.Equal("connected", meterStatus.GetProperty("state").GetString());
            Assert.True(meterStatus.GetProperty("reading").GetProperty("currentA").GetProperty("l1").GetDouble() >= 20);
        }
        finally
        {
            await feed.CancelAsync();
            await feeding.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
            foreach (var s in stations)
            {
                await s.DisposeAsync();
            }
        }
    }

    /// <summary>The meter sees what the stations draw (plus the household), as on a real site.</summary>
    private static async Task FeedChargingLoadAsync(SimulatedGridMeter meter, IReadOnlyList<SimulatedKebaStation> stations, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var sum = PhaseCurrents.Zero;
            foreach (var s in stations)
            {
                var r = s.Inspect(m => m.Report3());
                sum += new PhaseCurrents(r.I1MilliA / 1000.0, r.I2MilliA / 1000.0, r.I3MilliA / 1000.0);
            }

            meter.SetChargingLoad(sum);
        }
    }

    [Fact]
    public async Task Counts_a_raise_whose_acknowledgement_was_lost_until_the_station_answers_again()
    {
        var stations = Enumerable.Range(0, 2)
            .Select(k => SimulatedKebaStation.Start(FreePort.LoopbackAddress(), KebaStationProfile.CSeries((93_000_000 + k).ToString(CultureInfo.InvariantCulture)), TimeProvider.System))
            .ToList();
        using var stopSampling = new CancellationTokenSource();
        Task<(double Sum, string Detail)>? sampling = null;
        try
        {
            await using var app = await OpenCpmApplication.StartAsync();
            var store = app.Service<SettingsService>();
            var site = new SiteSettings
            {
                MaxCurrentA = 20,
                ChargePoints = [.. stations.Select((s, k) => new ChargePointSettings { Id = $"cp{k + 1}", MaxCurrentA = 32, FailsafeCurrentA = 0 })],
            };
            await ConfigureAsync(store, site, stations);

            var car = new VehicleSpec { Phases = 3, MaxCurrentA = 32, Reaction = TimeSpan.FromMilliseconds(500) };
            stations[0].PlugIn(car);
            stations[1].PlugIn(car);
            await Eventually.TrueAsync(() => Target(stations[0]) == 10 && Target(stations[1]) == 10, TimeSpan.FromSeconds(30), "both vehicles share 20 A");
            sampling = HighestSumAsync(stations, stopSampling.Token);

            // cp1 still carries out setpoints but their acknowledgements are lost; cp2's vehicle leaves, so cp1 is raised to 20 A.
            stations[0].Faults.RepliesLostFor = "currtime";
            stations[1].Unplug();
            await Eventually.TrueAsync(() => Target(stations[0]) == 20, TimeSpan.FromSeconds(30), "cp1 applies the raise the controller never hears acknowledged");

            // A vehicle arrives at cp2 while cp1's raise went unanswered: cp1 must count at the 20 A it reports, never
            // at the 10 A it last acknowledged, so cp2 is raised only once cp1 is down to 10 A.
            stations[1].PlugIn(car);
            await Eventually.TrueAsync(
                () => app.Service<SiteSnapshots>().Current.Find("cp2")?.Status.VehiclePlugged == true,
                TimeSpan.FromSeconds(30),
                "the controller sees the vehicle at cp2");

            // Acknowledgements flow again: both end at 10 A.
            stations[0].Faults.RepliesLostFor = null;
            await Eventually.TrueAsync(() => Target(stations[0]) == 10 && Target(stations[1]) == 10, TimeSpan.FromSeconds(60), "both share 20 A again");
            await stopSampling.CancelAsync();
            var (highestSum, detail) = await sampling;
            Assert.True(
                highestSum <= 20,
                $"cp1 + cp2 were commanded {highestSum} A together at some moment (site 20 A): {detail}. Controller log: "
                + string.Join(" | ", app.Logs.Entries.Where(e => e.Category.StartsWith("OpenCpm", StringComparison.Ordinal)).Select(e => e.Message)));
        }
        finally
        {
            await stopSampling.CancelAsync();
            foreach (var s in stations)
            {
                await s.DisposeAsync();
            }
        }

        // What a station was last told: nothing while disabled with ena 0, else a currtime still counting down its 1 s
        // delay, else Curr user.
        static double Target(SimulatedKebaStation station) => Commanded(station.Inspect(m => m.Report2()));

        static double Commanded(KebaReport2 r) =>
            r.EnableUser == 0 ? 0 : (r.TimerRemainingS > 0 ? r.TimerCurrentMilliA : r.UserCurrentMilliA) / 1000.0;

        static async Task<(double Sum, string Detail)> HighestSumAsync(IReadOnlyList<SimulatedKebaStation> stations, CancellationToken stop)
        {
            (double Sum, string Detail) highest = (0, "");
            while (!stop.IsCancellationRequested)
            {
                var reports = stations.Select(s => s.Inspect(m => m.Report2())).ToList();
                var sum = reports.Where(r => r.VehiclePlugged).Sum(Commanded);
                if (sum > highest.Sum)
                {
                    highest = (sum, string.Join("; ", reports.Select((r, k) =>
                        $"cp{k + 1} plug {r.Plug} enabled {r.EnableUser} user {r.UserCurrentMilliA} timer {r.TimerCurrentMilliA}/{r.TimerRemainingS} s")));
                }

                await Task.Delay(20, CancellationToken.None);
            }

            return highest;
        }
    }

    /// <summary>Saves the site and one installation per simulated station (charge point k at station k, connector k + 1).</summary>
    private static Task ConfigureAsync(SettingsService settings, SiteSettings site, List<SimulatedKebaStation> stations) =>
        SiteSetup.ConfigureAsync(settings, site, [.. stations.Select(s => s.Address)]);

    private static async Task<double> SetpointAsync(HttpClient client, string id)
    {
        var cp = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/chargepoints/{id}", UriKind.Relative), Ct);
        return cp.GetProperty("setpointA").GetDouble();
    }
}
