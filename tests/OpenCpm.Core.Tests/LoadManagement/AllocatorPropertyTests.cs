using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using OpenCpm.Core.ChargePoints;
using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Core.Tests.LoadManagement;

/// <summary>
/// The safety rules of load-management.md section 3 over random sites, clusters, wirings, vehicles, limits and
/// meter states, across several cycles so that the queue, rotation and unused-current state are exercised too.
/// </summary>
public sealed class AllocatorPropertyTests
{
    [Property(Arbitrary = [typeof(SiteCaseArbitrary)], MaxTest = 400)]
    public void Never_overloads_a_node_never_sets_below_the_minimum_and_respects_every_limit(SiteCase siteCase)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var allocator = new Allocator(siteCase.Settings, time);
        double[]? previous = null;

        foreach (var cycle in siteCase.Cycles)
        {
            time.Advance(TimeSpan.FromSeconds(cycle.AdvanceSeconds));
            var demands = cycle.Demands.ToArray();
            if (cycle.CommandedIsPrevious && previous is not null)
            {
                for (var i = 0; i < demands.Length; i++)
                {
                    demands[i] = demands[i] with { CommandedSetpointA = previous[i] };
                }
            }

            var allocation = allocator.Allocate(demands, cycle.Site);

            var violation = SafetyOracle.Check(siteCase.Settings, demands, cycle.Site, allocation);
            Assert.True(violation is null, $"{violation} Case: {siteCase}");
            previous = [.. allocation.SetpointA];
        }
    }

    [Property(Arbitrary = [typeof(SiteCaseArbitrary)], MaxTest = 200)]
    public void Applying_only_the_reductions_of_a_plan_is_safe_too(SiteCase siteCase)
    {
        var time = new FakeTimeProvider();
        var allocator = new Allocator(siteCase.Settings, time);
        foreach (var cycle in siteCase.Cycles)
        {
            var allocation = allocator.Allocate(cycle.Demands, cycle.Site);

            // The state between the two halves of the plan: reductions applied, increases not yet.
            for (var i = 0; i < cycle.Demands.Length; i++)
            {
                if (cycle.Demands[i].State == ChargePointState.Offline)
                {
                    continue;
                }

                var between = Math.Min(cycle.Demands[i].CommandedSetpointA, allocation.SetpointA[i]);
                var isIncrease = allocation.Plan.Increases.Any(c => c.ChargePoint == i);
                Assert.Equal(isIncrease ? cycle.Demands[i].CommandedSetpointA : allocation.SetpointA[i], between);
            }
        }
    }

    [Property(MaxTest = 60)]
    public void Every_wait_is_bounded_by_queue_over_active_rotation_periods(byte vehicles, byte capacitySlots)
    {
        var n = 2 + (vehicles % 14);
        var slots = 1 + (capacitySlots % Math.Max(1, n - 1));
        var settings = new SiteSettings
        {
            MaxCurrentA = 6 * slots,
            ChargePoints = [.. Enumerable.Range(0, n).Select(i => new ChargePointSettings { Id = $"cp{i}", MaxCurrentA = 32 })],
        };
        var h = new AllocatorHarness(settings);
        for (var i = 0; i < n; i++)
        {
            h.Plug(i, PhaseSet.AllThree);
        }

        var waitingSince = Enumerable.Repeat(h.Time.GetUtcNow(), n).ToArray();
        var longest = TimeSpan.Zero;
        for (var minute = 0; minute < (n + 2) * 15 * 2; minute++)
        {
            h.Run();
            var now = h.Time.GetUtcNow();
            for (var i = 0; i < n; i++)
            {
                if (h.Setpoint(i) > 0)
                {
                    longest = Max(longest, now - waitingSince[i]);
                    waitingSince[i] = now;
                }
            }

            h.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var end = h.Time.GetUtcNow();
        foreach (var since in waitingSince)
        {
            longest = Max(longest, end - since - TimeSpan.FromMinutes(1));
        }

        // load-management.md section 4: a wait is bounded by ⌈queue ÷ active⌉ rotation periods (+ the 1-minute step).
        var periods = (int)Math.Ceiling((n - slots) / (double)slots);
        Assert.True(longest <= TimeSpan.FromMinutes((15 * periods) + 1), $"{n} vehicles, {slots} slots: waited {longest}, bound {periods} periods");
    }

    [Property(Arbitrary = [typeof(SiteCaseArbitrary)], MaxTest = 300)]
    public void Keeps_a_vehicle_paused_twice_within_the_dwell_time_paused_for_the_dwell_time(SiteCase siteCase)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var allocator = new Allocator(siteCase.Settings, time);
        var dwell = allocator.Options.MinimumDwellTime;
        var n = siteCase.Settings.ChargePoints.Count;
        var on = new bool[n];
        var offs = Enumerable.Range(0, n).Select(_ => new List<DateTimeOffset>()).ToArray();
        double[]? previous = null;
        foreach (var cycle in siteCase.Cycles)
        {
            time.Advance(TimeSpan.FromSeconds(cycle.AdvanceSeconds));
            var demands = cycle.Demands.ToArray();
            if (cycle.CommandedIsPrevious && previous is not null)
            {
                for (var i = 0; i < demands.Length; i++)
                {
                    demands[i] = demands[i] with { CommandedSetpointA = previous[i] };
                }
            }

            var allocation = allocator.Allocate(demands, cycle.Site);
            var now = time.GetUtcNow();
            for (var i = 0; i < n; i++)
            {
                if (demands[i].State is ChargePointState.Idle or ChargePointState.Offline)
                {
                    on[i] = false; // a new session (or an unreachable station) starts afresh
                    offs[i].Clear();
                    continue;
                }

                var isOn = allocation.SetpointA[i] > 0;
                if (isOn && !on[i] && offs[i].Count >= 2)
                {
                    var (before, last) = (offs[i][^2], offs[i][^1]);
                    Assert.False(
                        last - before < dwell && now - last < dwell,
                        $"cp{i} paused at {before} and {last}, on again at {now}. Case: {siteCase}");
                }
                else if (!isOn && on[i])
                {
                    offs[i].Add(now);
                }

                on[i] = isOn;
            }

            previous = [.. allocation.SetpointA];
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
