using OpenCpm.Core.ChargePoints;
using OpenCpm.Core.LoadManagement;
using static OpenCpm.Core.Tests.LoadManagement.AllocatorHarness;

namespace OpenCpm.Core.Tests.LoadManagement;

/// <summary>The unbalanced-load limit (load-management.md section 2) against what vehicles really draw and may use.</summary>
public sealed class UnbalancedLoadTests
{
    private static readonly PhaseSet One = PhaseSet.First(1);

    [Fact]
    public void Keeps_five_cars_charging_without_switching_them_on_and_off_under_a_10_A_limit()
    {
        // scenarios/thrash-unbalanced-5.json: admitting in plain priority order rejected an active single-phase car until
        // the cars on the other phases were in, let a waiting one take its place and swapped them every second.
        var settings = SiteOf(
            16,
            ThreePhase("a", rotation: PhaseRotation.L3L1L2),
            SinglePhase("b", Phase.L1),
            SinglePhase("c", Phase.L3),
            ThreePhase("d", rotation: PhaseRotation.L3L1L2),
            ThreePhase("e", rotation: PhaseRotation.L2L3L1)) with { UnbalancedLoadLimitA = 10 };
        var h = new AllocatorHarness(settings);
        PhaseSet[] phases = [One, One, One, PhaseSet.First(2), One];
        var switches = 0;
        var wasOn = new bool[5];
        for (var second = 0; second < 600; second++)
        {
            if (second < 5)
            {
                h.Plug(second, phases[second]);
            }

            h.Run();
            for (var i = 0; i < 5; i++)
            {
                var isOn = h.Setpoint(i) > 0;
                if (isOn && !wasOn[i])
                {
                    // A vehicle takes a few seconds to start: it draws nothing in the cycle it is switched on.
                    h.Demands[i] = h.Demands[i] with { State = ChargePointState.Connected, MeasuredCurrentA = PhaseCurrents.Zero };
                }

                switches += isOn != wasOn[i] ? 1 : 0;
                wasOn[i] = isOn;
                var sums = h.Last.Site.SetpointSumA;
                Assert.True(sums.Max - sums.Min <= 10 + 1e-9, $"{second} s: imbalance {sums}");
            }

            h.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.True(switches <= 8, $"{switches} starts and pauses in 10 minutes");
        Assert.Equal(0, h.Last.SafetyCorrections);
    }

    [Fact]
    public void Credits_a_vehicle_on_the_low_phase_only_with_what_it_draws()
    {
        // scenarios/unbalanced-credit-3.json: the L2 car takes 3 A of the 16 A it is offered; crediting its setpoint let
        // the L1 car go 13 A over the limit in reality.
        var settings = SiteOf(63, SinglePhase("l1", Phase.L1), SinglePhase("l2", Phase.L2), SinglePhase("l3", Phase.L3)) with { UnbalancedLoadLimitA = 16 };
        var h = new AllocatorHarness(settings);
        for (var i = 0; i < 3; i++)
        {
            h.Plug(i, One);
        }

        h.VehicleMaxA[1] = 3;
        for (var second = 0; second < 5; second++)
        {
            h.Run();
            h.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var drawnL2 = h.Demands[1].MeasuredCurrentA.L1;
        Assert.Equal(3, drawnL2);
        Assert.True(h.Setpoint(0) <= 16 + drawnL2 + 1e-9, $"L1 car at {h.Setpoint(0)} A while L2 draws {drawnL2} A");
        Assert.Equal("unbalancedLoad", h.Reason(0));
    }

    [Fact]
    public void Counts_a_vehicle_of_unknown_phases_at_the_worst_it_may_turn_out_to_use()
    {
        // Three vehicles of unknown phases at like-wired stations: if all three were single-phase they would load L1
        // alone, so until they draw only what the 10 A limit allows for that may be offered.
        var settings = SiteOf(63, ThreePhase("a"), ThreePhase("b"), ThreePhase("c")) with { UnbalancedLoadLimitA = 10 };
        var h = new AllocatorHarness(settings);
        h.Plug(0);
        h.Plug(1);
        h.Plug(2);

        h.Run();

        Assert.True(h.Setpoint(0) + h.Setpoint(1) + h.Setpoint(2) <= 10 + 1e-9, $"{h.Setpoint(0)} + {h.Setpoint(1)} + {h.Setpoint(2)} A offered");
        Assert.True(h.Setpoint(0) >= 6);

        // The first one turns out to charge on three phases: it is balanced, and the next one gets in.
        h.Demands[0] = h.Demands[0] with { VehiclePhases = PhaseSet.AllThree };
        h.Time.Advance(TimeSpan.FromSeconds(1));
        h.Run();

        Assert.True(h.Setpoint(1) >= 6, $"second vehicle {h.Setpoint(1)} A");
    }

    [Fact]
    public void Caps_a_station_limit_for_a_vehicle_of_unknown_phases_at_the_station_s_unbalanced_load_limit()
    {
        var settings = SiteOf(63, ThreePhase("a") with { UnbalancedLoadLimitA = 16 });
        var h = new AllocatorHarness(settings);
        h.Plug(0);

        h.Run();
        Assert.Equal((16.0, "unbalancedLoad"), (h.Setpoint(0), h.Reason(0)));
        h.Time.Advance(TimeSpan.FromSeconds(1));
        h.Run();

        // Known to use three phases, it may have more (an increase, once its setpoint has settled).
        h.Demands[0] = h.Demands[0] with { VehiclePhases = PhaseSet.AllThree };
        h.Time.Advance(h.Allocator.Options.SettleTime);
        h.Run();
        Assert.Equal(32, h.Setpoint(0));
    }

    [Fact]
    public void Never_lowers_a_low_phase_setpoint_below_the_credit_it_gave_when_holding_back_small_changes()
    {
        // The L2 car draws all it gets; holding its small increase back would lower it below what the L1 car's setpoint
        // was credited with, so the hold is skipped there (and the final check never has to step in).
        var settings = SiteOf(63, SinglePhase("l1", Phase.L1), SinglePhase("l2", Phase.L2)) with { UnbalancedLoadLimitA = 10 };
        var h = new AllocatorHarness(settings);
        h.Plug(0, One);
        h.Plug(1, One);
        h.VehicleMaxA[1] = 12;
        for (var second = 0; second < 30; second++)
        {
            h.Run();
            Assert.Equal(0, h.Last.SafetyCorrections);
            var l2 = h.Demands[1].MeasuredCurrentA.L1;
            Assert.True(h.Setpoint(0) - Math.Min(h.Setpoint(1), l2) <= 10 + 1e-9, $"{second} s: L1 {h.Setpoint(0)} A, L2 {h.Setpoint(1)} A drawing {l2} A");
            h.VehicleMaxA[1] += 0.3; // it keeps wanting a little more
            h.Time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public void Reports_how_far_the_reservations_of_unreachable_stations_alone_exceed_a_limit()
    {
        var h = new AllocatorHarness(SiteOf(10, ThreePhase("lost", failsafeA: 16), ThreePhase("b")));
        h.Demands[0] = new ChargePointDemand { State = ChargePointState.Offline, Authorized = true, CommandedSetpointA = 16 };
        h.Plug(1);

        h.Run();

        Assert.Equal(6, h.Last.UnreachableReservedExcessA, 6);
        Assert.Equal(0, h.Setpoint(1));
    }
}
