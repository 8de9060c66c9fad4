using OpenCpm.Core.LoadManagement;
using static OpenCpm.Core.Tests.LoadManagement.AllocatorHarness;

namespace OpenCpm.Core.Tests.LoadManagement;

/// <summary>Who charges (load-management.md section 4): active charges first, the dwell time, rotation, likely phases.</summary>
public sealed class AdmissionTests
{
    [Fact]
    public void Keeps_a_vehicle_paused_twice_within_the_dwell_time_off_for_the_dwell_time_when_the_limit_comes_back()
    {
        // A limit that flaps every second: once is a glitch the vehicle rides through; twice and it stays paused.
        var h = new AllocatorHarness(SiteOf(32, ThreePhase("a")));
        h.Plug(0, PhaseSet.AllThree);
        h.Run();
        for (var flap = 0; flap < 2; flap++)
        {
            h.Site = new SiteConditions { OcppSiteLimitA = 5 };
            h.Time.Advance(TimeSpan.FromSeconds(1));
            h.Run();
            Assert.Equal(0, h.Setpoint(0));
            h.Site = default;
            h.Time.Advance(TimeSpan.FromSeconds(1));
            h.Run();
            Assert.Equal(flap == 0 ? 32 : 0, h.Setpoint(0));
        }

        h.Time.Advance(h.Allocator.Options.MinimumDwellTime);
        h.Run();
        Assert.Equal(32, h.Setpoint(0));
    }

    [Fact]
    public void Resumes_at_once_a_charge_that_ran_longer_than_the_dwell_time_when_a_brief_safety_reduction_is_over()
    {
        var h = new AllocatorHarness(SiteOf(32, ThreePhase("a"), ThreePhase("b")));
        h.Plug(0, PhaseSet.AllThree);
        h.Plug(1, PhaseSet.AllThree);
        h.Run();
        h.Time.Advance(h.Allocator.Options.MinimumDwellTime);
        h.Run();

        // Each brief cut pauses the charge that has run longest; one that ran longer than the dwell time resumes at once.
        var first = Blip(h);
        Assert.True(h.Setpoint(first) > 0);
        var second = Blip(h);
        Assert.NotEqual(first, second);
        Assert.True(h.Setpoint(second) > 0);

        // The first has now run for 2 s only: cut again, it stays paused for the dwell time.
        Assert.Equal(first, Blip(h));
        Assert.Equal(0, h.Setpoint(first));
        h.Time.Advance(h.Allocator.Options.MinimumDwellTime);
        h.Run();
        Assert.Equal(16, h.Setpoint(first));
    }

    /// <summary>A backend limit of 10 A for one second; returns the charge point it paused.</summary>
    private static int Blip(AllocatorHarness h)
    {
        h.Site = new SiteConditions { OcppSiteLimitA = 10 };
        h.Time.Advance(TimeSpan.FromSeconds(1));
        h.Run();
        var paused = h.Setpoint(0) == 0 ? 0 : 1;
        Assert.Equal(0, h.Setpoint(paused));
        Assert.True(h.Setpoint(1 - paused) > 0);
        h.Site = default;
        h.Time.Advance(TimeSpan.FromSeconds(1));
        h.Run();
        return paused;
    }

    [Fact]
    public void Rides_through_one_lost_meter_reading_but_waits_the_dwell_time_when_the_meter_flaps()
    {
        var h = new AllocatorHarness(SiteOf(32, ThreePhase("a")));
        h.Plug(0, PhaseSet.AllThree);
        h.Site = new SiteConditions { Meter = MeterState.Ok };
        h.Run();
        Assert.Equal(32, h.Setpoint(0));

        for (var flap = 0; flap < 2; flap++)
        {
            h.Site = new SiteConditions { Meter = MeterState.Lost };
            h.Time.Advance(TimeSpan.FromSeconds(1));
            h.Run();
            Assert.Equal((0.0, "meterLost"), (h.Setpoint(0), h.Reason(0)));
            h.Site = new SiteConditions { Meter = MeterState.Ok };
            h.Time.Advance(TimeSpan.FromSeconds(1));
            h.Run();
            Assert.Equal(flap == 0 ? 32 : 0, h.Setpoint(0));
        }

        h.Time.Advance(h.Allocator.Options.MinimumDwellTime);
        h.Run();
        Assert.Equal(32, h.Setpoint(0));
    }

    [Fact]
    public void Rotates_as_many_charges_as_wait_up_to_the_number_charging()
    {
        // scenarios/rotation-throughput.json: with one queue head served per period the last of 8 waiting cars waited
        // 8 periods; letting min(queue, active) in per period bounds it by ⌈queue ÷ active⌉.
        var h = new AllocatorHarness(SiteOf(18, [.. Enumerable.Range(0, 6).Select(i => ThreePhase($"cp{i}"))]));
        for (var i = 0; i < 6; i++)
        {
            h.Plug(i, PhaseSet.AllThree);
            h.Run();
            h.Time.Advance(TimeSpan.FromSeconds(10));
        }

        int[] first = [.. Enumerable.Range(0, 6).Where(i => h.Setpoint(i) > 0)];
        Assert.Equal([0, 1, 2], first);

        h.Time.Advance(h.Allocator.Settings.RotationPeriod);
        h.Run();

        Assert.Equal([3, 4, 5], Enumerable.Range(0, 6).Where(i => h.Setpoint(i) > 0));
        Assert.Equal([0, 1, 2], h.Last.Queue);
    }

    [Fact]
    public void Admits_a_vehicle_on_the_phases_it_likely_uses_when_its_wired_phases_have_no_room()
    {
        // scenarios/unknown-phases.json: L2 and L3 are nearly full, L1 has 25 A. Counted on three phases until it draws,
        // a single-phase car never starts; the station's last session says it likely uses one.
        var h = new AllocatorHarness(SiteOf(32, ThreePhase("home")))
        {
            Site = new SiteConditions { Meter = MeterState.Ok, MeterCurrentA = new PhaseCurrents(7, 29, 28) },
        };
        h.Plug(0);
        h.Run();
        Assert.Equal(0, h.Setpoint(0));

        h.Demands[0] = h.Demands[0] with { LikelyVehiclePhases = PhaseSet.First(1) };
        h.Time.Advance(TimeSpan.FromSeconds(1));
        h.Run();

        // Held at the minimum while it is a guess: were it a three-phase car, L2 and L3 would carry 6 A too much, not 25 A.
        Assert.Equal(6, h.Setpoint(0), 6);
        Assert.Equal(PhaseSet.Of(Phase.L1), h.Last.GridPhases[0]);
        Assert.Equal("likelyPhases", h.Reason(0));

        // It draws on L1 only: the guess was right, and it gets what L1 has at once (no settle time for a guess).
        h.Demands[0] = h.Demands[0] with { VehiclePhases = PhaseSet.First(1), MeasuredCurrentA = new PhaseCurrents(6, 0, 0) };
        h.Site = new SiteConditions { Meter = MeterState.Ok, MeterCurrentA = new PhaseCurrents(13, 29, 28) };
        h.Time.Advance(TimeSpan.FromSeconds(1));
        h.Run();

        Assert.Equal(25, h.Setpoint(0), 6);
    }

    [Fact]
    public void Pauses_a_vehicle_admitted_on_likely_phases_at_once_when_it_draws_on_more()
    {
        var h = new AllocatorHarness(SiteOf(32, ThreePhase("home")))
        {
            Site = new SiteConditions { Meter = MeterState.Ok, MeterCurrentA = new PhaseCurrents(7, 29, 28) },
        };
        h.Plug(0);
        h.Demands[0] = h.Demands[0] with { LikelyVehiclePhases = PhaseSet.First(1) };
        h.Run();
        Assert.True(h.Setpoint(0) > 0);

        // It is a three-phase car after all: the detector sees it on all conductors, and the meter sees its draw.
        h.Demands[0] = h.Demands[0] with { VehiclePhases = PhaseSet.AllThree, MeasuredCurrentA = PhaseCurrents.All(h.Setpoint(0)) };
        h.Site = new SiteConditions { Meter = MeterState.Ok, MeterCurrentA = new PhaseCurrents(7, 29, 28) + PhaseCurrents.All(h.Setpoint(0)) };
        h.Time.Advance(TimeSpan.FromSeconds(1));
        h.Run();

        Assert.Equal(0, h.Setpoint(0));
        Assert.Equal(PhaseSet.AllThree, h.Last.GridPhases[0]);
        Assert.StartsWith("meter:", h.Reason(0), StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_a_vehicle_on_all_wired_phases_when_they_have_room_even_if_it_likely_uses_one()
    {
        var h = new AllocatorHarness(SiteOf(32, ThreePhase("home")));
        h.Plug(0);
        h.Demands[0] = h.Demands[0] with { LikelyVehiclePhases = PhaseSet.First(1) };

        h.Run();

        Assert.Equal(PhaseSet.AllThree, h.Last.GridPhases[0]);
        Assert.Equal(32, h.Setpoint(0));
    }
}
