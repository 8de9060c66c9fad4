using OpenCpm.Core.ChargePoints;
using OpenCpm.Core.LoadManagement;
using static OpenCpm.Core.Tests.LoadManagement.AllocatorHarness;

namespace OpenCpm.Core.Tests.LoadManagement;

/// <summary>Vehicles that need more than the 6 A minimum to charge (many plug-in hybrids, some Renaults).</summary>
public sealed class MinimumCurrentTests
{
    [Fact]
    public void Raises_the_offer_of_a_vehicle_that_takes_nothing_at_the_minimum_until_it_charges_and_reports_what_it_learned()
    {
        // scenarios/learned-minimum.json: offered its 6.4 A share, a car that needs 10 A pauses; taken for "paused by
        // itself" it waited its whole stay.
        var h = new AllocatorHarness(SiteOf(32, [.. Enumerable.Range(0, 5).Select(i => ThreePhase($"cp{i}"))]));
        for (var i = 0; i < 5; i++)
        {
            h.Plug(i, PhaseSet.AllThree);
        }

        // It learns 8 A, then 10 A; at 10 A it no longer fits next to the others at their minimum, so it waits for the
        // next rotation like any newcomer (it never pushes a charging car out).
        for (var second = 0; second < 1000; second++)
        {
            h.Run();
            NeedsAtLeast(h, 4, 10);
            h.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(ChargePointState.Charging, h.Demands[4].State);
        Assert.True(h.Setpoint(4) >= 10, $"offered {h.Setpoint(4)} A");
        Assert.Equal(10, h.Last.LearnedMinimumA[4]);
        Assert.Null(h.Last.LearnedMinimumA[0]);
    }

    [Fact]
    public void Takes_a_vehicle_that_stops_at_a_current_it_took_before_for_paused_by_itself()
    {
        var h = new AllocatorHarness(SiteOf(32, ThreePhase("full"), ThreePhase("b")));
        h.Plug(0, PhaseSet.AllThree);
        h.Plug(1, PhaseSet.AllThree);
        for (var second = 0; second < 30; second++)
        {
            h.Run();
            h.Time.Advance(TimeSpan.FromSeconds(1));
        }

        h.Demands[0] = h.Demands[0] with { State = ChargePointState.SuspendedByEv, MeasuredCurrentA = PhaseCurrents.Zero };
        h.Time.Advance(h.Allocator.Options.SettleTime);
        h.Run();

        Assert.Equal((0.0, "vehicle"), (h.Setpoint(0), h.Reason(0)));
        Assert.Null(h.Last.LearnedMinimumA[0]);
    }

    [Fact]
    public void Never_offers_a_vehicle_less_than_the_minimum_it_is_known_to_need()
    {
        var h = new AllocatorHarness(SiteOf(32, [.. Enumerable.Range(0, 5).Select(i => ThreePhase($"cp{i}"))]));
        for (var i = 0; i < 5; i++)
        {
            h.Plug(i, PhaseSet.AllThree);
        }

        h.Demands[4] = h.Demands[4] with { MinimumCurrentA = 10 };
        h.Run();
        Assert.Equal([8.0, 8.0, 8.0, 8.0, 0.0], Enumerable.Range(0, 5).Select(h.Setpoint));
        Assert.Equal("queue", h.Reason(4));

        h.Unplug(0);
        h.Run();
        Assert.Equal([0.0, 7.3, 7.3, 7.3, 10.0], Enumerable.Range(0, 5).Select(h.Setpoint));
    }

    [Fact]
    public void Keeps_a_held_vehicle_above_the_hold_it_stopped_at()
    {
        // A tapering car that needs 8 A: held near its 6.6 A draw (7.1 A) it stops, is offered its share again, resumes,
        // is held again... every 15 s. Having stopped at its hold, its floor rises above it.
        var h = new AllocatorHarness(SiteOf(63, ThreePhase("taper")));
        h.Plug(0, PhaseSet.AllThree);
        var switches = 0;
        var wasOn = false;
        for (var second = 0; second < 600; second++)
        {
            h.Run();
            var offered = h.Setpoint(0);
            var charging = offered >= 8;
            h.Demands[0] = h.Demands[0] with
            {
                State = charging ? ChargePointState.Charging : ChargePointState.SuspendedByEv,
                MeasuredCurrentA = PhaseCurrents.All(charging ? Math.Min(offered, 6.6) : 0),
            };
            switches += charging != wasOn ? 1 : 0;
            wasOn = charging;
            h.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.True(switches <= 3, $"{switches} starts and stops in 10 minutes");
        Assert.True(h.Setpoint(0) is >= 8 and < 12, $"held at {h.Setpoint(0)} A");
    }

    /// <summary>The vehicle at <paramref name="cp"/> charges only when offered at least <paramref name="minimumA"/>.</summary>
    private static void NeedsAtLeast(AllocatorHarness h, int cp, double minimumA)
    {
        var offered = h.Setpoint(cp);
        var charging = offered >= minimumA;
        h.Demands[cp] = h.Demands[cp] with
        {
            State = charging ? ChargePointState.Charging : offered > 0 ? ChargePointState.SuspendedByEv : ChargePointState.SuspendedByController,
            MeasuredCurrentA = PhaseCurrents.All(charging ? offered : 0),
        };
    }
}
