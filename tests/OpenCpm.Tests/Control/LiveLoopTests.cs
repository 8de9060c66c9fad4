using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using OpenCpm.Control;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Simulation.Vehicles;
using OpenCpm.Tests.Demo;

namespace OpenCpm.Tests.Control;

/// <summary>
/// The whole demo — P30 simulators over real UDP, the Modbus meter, the controller — on one fake clock, checked at
/// every 200 ms of it: the real grid current (household + what every vehicle draws) against the site limit, and
/// what the controller tells the stations (issues 9 and 19: the live loop's oscillation and its causes).
/// </summary>
public sealed class LiveLoopTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(200);
    private static readonly VehicleSpec Car = new() { Phases = 3, MaxCurrentA = 32, Reaction = TimeSpan.FromSeconds(2), BatteryWh = 200_000, InitialSoc = 0.1 };

    [Fact]
    public async Task Six_cars_behind_a_40_A_household_never_take_the_real_grid_current_above_the_63_A_site_limit()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        await using var demo = await DemoApplication.StartAsync(stations: 6, time: time);
        var site = demo.Site;
        site.SetHouseholdLoad(PhaseCurrents.All(40));
        var probe = new GridProbe(demo, time, limitA: 63);

        // The cars arrive in the first seconds after start, before the controller has taken every station over.
        await probe.RunAsync(TimeSpan.FromSeconds(1));
        foreach (var station in site.Stations)
        {
            station.PlugIn(Car);
        }

        await probe.RunAsync(TimeSpan.FromSeconds(60));

        Assert.True(probe.WorstA <= 63 + 0.01, $"the real grid current reached {probe.WorstA:0.0} A ({probe.WorstAt}); {probe.AboveLimitAs:0.0} A·s above the limit; {probe.WorstTrace}");
        Assert.True(probe.LastSnapshot.Allocation.Site.SetpointSumA.L1 >= 63 - 40 - 6, $"the site is used: setpoints {probe.LastSnapshot.Allocation.Site.SetpointSumA}");

        // A constant household: the controller leaves the stations alone (watchdog feeds repeat the same current).
        var changesBefore = probe.SetpointChanges;
        await probe.RunAsync(TimeSpan.FromSeconds(60));
        Assert.True(probe.WorstA <= 63 + 0.01, $"the real grid current reached {probe.WorstA:0.0} A ({probe.WorstAt})");
        Assert.True(probe.SetpointChanges - changesBefore == 0, $"{probe.SetpointChanges - changesBefore} setpoint changes in a minute with a constant household: {probe.ChangeLog()}");
    }

    [Fact]
    public async Task Household_steps_up_and_down_overload_the_grid_only_within_the_stations_reaction_and_move_the_setpoints_by_the_step()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        await using var demo = await DemoApplication.StartAsync(stations: 6, time: time);
        var site = demo.Site;
        site.SetHouseholdLoad(PhaseCurrents.All(10));
        var probe = new GridProbe(demo, time, limitA: 63);
        foreach (var station in site.Stations)
        {
            station.PlugIn(Car);
        }

        await probe.RunAsync(TimeSpan.FromSeconds(45));
        Assert.True(probe.WorstA <= 63 + 0.01, $"before any step: {probe.WorstA:0.0} A ({probe.WorstAt})");
        var settled = probe.LastSnapshot.Allocation.Site.SetpointSumA.L1;

        // The household steps up by 20 A: a P30 changes between two currents only after its pilot delay (6.5 s) plus
        // the 1 s of currtime, and the vehicle follows within 2 s — the overload must end within that.
        var window = TimeSpan.FromSeconds(1 + 6.5 + 2 + 1.5);
        site.SetHouseholdLoad(PhaseCurrents.All(30));
        var stepAt = time.GetUtcNow();
        await probe.RunAsync(TimeSpan.FromSeconds(30));
        Assert.True(probe.LastAboveAt is null || probe.LastAboveAt <= stepAt + window, $"still above the limit at {probe.LastAboveAt:HH:mm:ss.f}, {(probe.LastAboveAt - stepAt)?.TotalSeconds:0.0} s after the step: {probe.LastAboveTrace}");
        var lowered = probe.LastSnapshot.Allocation.Site.SetpointSumA.L1;
        Assert.True(settled - lowered is >= 20 * 0.95 and <= 20 * 1.05 + 6, $"the setpoints moved by {settled - lowered:0.0} A for a 20 A step: {probe.ChangeLog()} | {probe.RecentTrace}");

        site.SetHouseholdLoad(PhaseCurrents.All(10));
        var backAt = time.GetUtcNow();
        await probe.RunAsync(TimeSpan.FromSeconds(30));
        Assert.True(probe.LastAboveAt is null || probe.LastAboveAt <= stepAt + window, $"above the limit after the household fell, at {probe.LastAboveAt:HH:mm:ss.f}");
        Assert.True(probe.LastSnapshot.Allocation.Site.SetpointSumA.L1 >= settled - 1, $"the freed current is given out again: {probe.LastSnapshot.Allocation.Site.SetpointSumA.L1} of {settled} A ({(time.GetUtcNow() - backAt).TotalSeconds} s after)");
    }

    /// <summary>Advances the fake clock in 100 ms steps, lets the demo settle after each, and samples the real grid current.</summary>
    private sealed class GridProbe(DemoApplication demo, FakeTimeProvider time, double limitA)
    {
        private readonly Dictionary<int, double> _targets = [];
        private readonly List<string> _changes = [];
        private readonly Queue<string> _recent = new();

        public double WorstA { get; private set; }

        public string WorstAt { get; private set; } = "";

        public double AboveLimitAs { get; private set; }

        public DateTimeOffset? LastAboveAt { get; private set; }

        public int SetpointChanges => _changes.Count;

        public SiteSnapshot LastSnapshot => demo.Service<SiteSnapshots>().Current;

        public string RecentTrace => string.Join(" | ", _recent);

        public string ChangeLog() => string.Join("; ", _changes.TakeLast(24));

        /// <summary>The last samples before the last one above the limit.</summary>
        public string LastAboveTrace { get; private set; } = "";

        /// <summary>The last samples before the worst one: the grid, and per station the target and what its vehicle draws.</summary>
        public string WorstTrace { get; private set; } = "";

        public async Task RunAsync(TimeSpan duration)
        {
            for (var passed = TimeSpan.Zero; passed < duration; passed += Step)
            {
                time.Advance(Step);
                await SettleAsync();
                Sample();
            }
        }

        private void Sample()
        {
            var grid = demo.Site.HouseholdLoad + demo.Site.ChargingLoad();
            var stations = string.Join(" ", demo.Site.Stations.Select(st => string.Create(CultureInfo.InvariantCulture,
                $"{st.Station.Inspect(m => m.Report2().EnableUser == 0 ? 0 : (m.Report2().TimerRemainingS > 0 ? m.Report2().TimerCurrentMilliA : m.Report2().UserCurrentMilliA) / 1000.0)}/{st.GridCurrents().L1:0.#}")));
            _recent.Enqueue(string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow():ss.f} grid {grid.L1:0.#} household {LastSnapshot.Allocation.HouseholdA?.L1:0.#} [{stations}]"));
            if (_recent.Count > 40)
            {
                _recent.Dequeue();
            }

            if (grid.Max > WorstA)
            {
                WorstA = grid.Max;
                WorstAt = string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow():HH:mm:ss.f}: {grid}");
                WorstTrace = string.Join(" | ", _recent);
            }

            if (grid.Max > limitA + 0.01)
            {
                AboveLimitAs += (grid.Max - limitA) * Step.TotalSeconds;
                LastAboveAt = time.GetUtcNow();
                LastAboveTrace = string.Join(" | ", _recent);
            }

            foreach (var station in demo.Site.Stations)
            {
                var r = station.Station.Inspect(m => m.Report2());
                var target = r.EnableUser == 0 ? 0 : (r.TimerRemainingS > 0 ? r.TimerCurrentMilliA : r.UserCurrentMilliA) / 1000.0;
                if (_targets.TryGetValue(station.Index, out var before) && before != target)
                {
                    _changes.Add(string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow():mm:ss.f} cp{station.Index + 1} {before}→{target}"));
                }

                _targets[station.Index] = target;
            }
        }

        /// <summary>Waits (the fake clock standing still) until no station got a datagram and no cycle ran for a few polls.</summary>
        private async Task SettleAsync()
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            var quiet = 0;
            var last = Progress();
            while (quiet < 3 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(1, CancellationToken.None);
                var now = Progress();
                quiet = now == last ? quiet + 1 : 0;
                last = now;
            }
        }

        private (long Cycles, long Datagrams) Progress() =>
            (LastSnapshot.Controller.Cycles, demo.Site.Stations.Sum(s => s.Station.DatagramsReceived));
    }
}
