using OpenCpm.Core.ChargePoints;
using OpenCpm.Core.LoadManagement;
using static OpenCpm.Core.Tests.LoadManagement.AllocatorHarness;

namespace OpenCpm.Core.Tests.LoadManagement;

public sealed class AllocatorTests
{
    [Fact]
    public void Shares_the_site_limit_equally_between_identical_vehicles()
    {
        var h = new AllocatorHarness(SiteOf(32, ThreePhase("a"), ThreePhase("b"), ThreePhase("c")));
        h.Plug(0);
        h.Plug(1);
        h.Plug(2);

        h.Run();

        Assert.All([0, 1, 2], i => Assert.Equal(10.6, h.Setpoint(i), 6));
        Assert.StartsWith("site:", h.Reason(0), StringComparison.Ordinal);
        Assert.True(h.Last.Site.SetpointSumA.Max <= 32);
    }

    [Fact]
    public void Gives_each_vehicle_its_own_limit_when_there_is_enough()
    {
        var h = new AllocatorHarness(SiteOf(63, ThreePhase("a", maxA: 16), ThreePhase("b", maxA: 32)));
        h.Plug(0);
        h.Plug(1);

        h.Run();

        Assert.Equal(16, h.Setpoint(0));
        Assert.Equal(32, h.Setpoint(1));
        Assert.Equal("chargePoint", h.Reason(0));
    }

    [Fact]
    public void Queues_a_vehicle_that_cannot_get_the_minimum_without_pushing_others_below_it()
    {
        var h = new AllocatorHarness(SiteOf(16, ThreePhase("a"), ThreePhase("b"), ThreePhase("c")));
        h.Plug(0);
        h.Plug(1);
        h.Run();
        h.Plug(2);

        h.Run();

        Assert.Equal(8, h.Setpoint(0));
        Assert.Equal(8, h.Setpoint(1));
        Assert.Equal(0, h.Setpoint(2));
        Assert.Equal(ChargePointState.Queued, h.Last.States[2]);
        Assert.Equal("queue", h.Reason(2));
        Assert.Equal([2], h.Last.Queue);
    }

    [Fact]
    public void Rotates_the_longest_charging_vehicle_out_after_the_rotation_period()
    {
        var h = new AllocatorHarness(SiteOf(16, ThreePhase("a"), ThreePhase("b"), ThreePhase("c")));
        h.Plug(0);
        h.Run();
        h.Time.Advance(TimeSpan.FromMinutes(1));
        h.Plug(1);
        h.Run();
        h.Time.Advance(TimeSpan.FromMinutes(1));
        h.Plug(2);
        h.Run();
        Assert.Equal(0, h.Setpoint(2));

        h.Time.Advance(TimeSpan.FromMinutes(14.9));
        h.Run();
        Assert.Equal(0, h.Setpoint(2));

        h.Time.Advance(TimeSpan.FromMinutes(0.2));
        h.Run();
        Assert.Equal(0, h.Setpoint(0));
        Assert.Equal(ChargePointState.Queued, h.Last.States[0]);
        Assert.Equal(8, h.Setpoint(1));
        Assert.Equal(8, h.Setpoint(2));

        h.Time.Advance(TimeSpan.FromMinutes(15));
        h.Run();
        Assert.Equal(8, h.Setpoint(0));
        Assert.Equal(0, h.Setpoint(1));
        Assert.Equal(8, h.Setpoint(2));
    }

    [Fact]
    public void Bounds_every_wait_by_queue_position_times_the_rotation_period()
    {
        var chargePoints = Enumerable.Range(0, 8).Select(i => ThreePhase($"cp{i}")).ToArray();
        var h = new AllocatorHarness(SiteOf(12, chargePoints)); // room for 2 at 6 A, 6 wait
        var lastCharged = new DateTimeOffset?[8];
        var pluggedAt = h.Time.GetUtcNow();
        for (var i = 0; i < 8; i++)
        {
            h.Plug(i);
        }

        var longestWait = TimeSpan.Zero;
        for (var minute = 0; minute < 600; minute++)
        {
            h.Run();
            var now = h.Time.GetUtcNow();
            for (var i = 0; i < 8; i++)
            {
                if (h.Setpoint(i) > 0)
                {
                    var waited = now - (lastCharged[i] ?? pluggedAt);
                    longestWait = waited > longestWait ? waited : longestWait;
                    lastCharged[i] = now;
                }
            }

            h.Time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.All(lastCharged, t => Assert.NotNull(t));
        Assert.True(longestWait <= TimeSpan.FromMinutes((6 * 15) + 2), $"longest wait {longestWait}");
    }

    [Fact]
    public void Counts_a_single_phase_vehicle_only_on_the_grid_phase_its_rotated_station_puts_it_on()
    {
        var h = new AllocatorHarness(SiteOf(32, ThreePhase("rotated", rotation: PhaseRotation.L2L3L1), ThreePhase("plain")));
        h.Plug(0, PhaseSet.Of(Phase.L1)); // station L1 = grid L2
        h.Plug(1);

        h.Run();

        Assert.Equal(PhaseSet.Of(Phase.L2), h.Last.GridPhases[0]);
        Assert.Equal(16, h.Setpoint(0));
        Assert.Equal(16, h.Setpoint(1));
        Assert.Equal(new PhaseCurrents(16, 32, 16), h.Last.Site.SetpointSumA);
    }

    [Fact]
    public void Gives_phase_aware_vehicles_more_than_the_plain_formula_would()
    {
        // Three single-phase cars on three stations rotated onto different grid phases: each has a phase to itself.
        var h = new AllocatorHarness(SiteOf(
            20,
            ThreePhase("a", rotation: PhaseRotation.L1L2L3),
            ThreePhase("b", rotation: PhaseRotation.L2L3L1),
            ThreePhase("c", rotation: PhaseRotation.L3L1L2)));
        for (var i = 0; i < 3; i++)
        {
            h.Plug(i, PhaseSet.Of(Phase.L1));
        }

        h.Run();

        Assert.All([0, 1, 2], i => Assert.Equal(20, h.Setpoint(i)));
    }

    [Fact]
    public void Keeps_each_cluster_within_its_fuse_and_gives_the_rest_to_the_others()
    {
        var settings = SiteOf(40, ThreePhase("g1", cluster: "garage"), ThreePhase("g2", cluster: "garage"), ThreePhase("yard")) with
        {
            ClustersEnabled = true,
            Clusters = [new ClusterSettings { Id = "garage", MaxCurrentA = 16 }],
        };
        var h = new AllocatorHarness(settings);
        h.Plug(0);
        h.Plug(1);
        h.Plug(2);

        h.Run();

        Assert.Equal(8, h.Setpoint(0));
        Assert.Equal(8, h.Setpoint(1));
        Assert.Equal("cluster:garage", h.Reason(0));
        Assert.Equal(24, h.Setpoint(2));
        Assert.Equal(16, h.Last.Clusters[0].SetpointSumA.L1);
    }

    [Fact]
    public void Holds_the_unbalanced_load_limit_between_phases()
    {
        var settings = SiteOf(63, SinglePhase("s1", Phase.L1), SinglePhase("s2", Phase.L1), ThreePhase("t")) with { UnbalancedLoadLimitA = 20 };
        var h = new AllocatorHarness(settings);
        h.Plug(0);
        h.Plug(1);
        h.Plug(2, PhaseSet.AllThree);

        h.Run();

        var sums = h.Last.Site.SetpointSumA;
        Assert.True(sums.Max - sums.Min <= 20 + 1e-9, $"imbalance {sums}");
        Assert.Equal(10, h.Setpoint(0));
        Assert.Equal("unbalancedLoad", h.Reason(0));
        Assert.Equal(32, h.Setpoint(2));
    }

    [Fact]
    public void Lets_the_lowest_of_all_limit_sources_win_and_says_which()
    {
        var h = new AllocatorHarness(SiteOf(63, ThreePhase("a", maxA: 32), ThreePhase("b", maxA: 32), ThreePhase("c"), ThreePhase("d")));
        for (var i = 0; i < 4; i++)
        {
            h.Plug(i);
        }

        h.Demands[0] = h.Demands[0] with { OcppLimitA = 10 };
        h.Demands[1] = h.Demands[1] with { HardwareLimitA = 20, UserLimitA = 13 };
        h.Demands[2] = h.Demands[2] with { ApiLimitA = 12.5 };

        h.Run();

        Assert.Equal((10, "ocpp"), (h.Setpoint(0), h.Reason(0)));
        Assert.Equal((13, "userPreference"), (h.Setpoint(1), h.Reason(1)));
        Assert.Equal((12.5, "api"), (h.Setpoint(2), h.Reason(2)));
        Assert.Equal((27.5, "site:L1"), (h.Setpoint(3), h.Reason(3)));
    }

    [Fact]
    public void A_limit_below_the_minimum_current_means_no_charging()
    {
        var h = new AllocatorHarness(SiteOf(63, ThreePhase("a")));
        h.Plug(0);
        h.Demands[0] = h.Demands[0] with { OcppLimitA = 4 };

        h.Run();

        Assert.Equal((0.0, "ocpp"), (h.Setpoint(0), h.Reason(0)));
    }

    [Fact]
    public void Uses_the_meter_headroom_per_phase()
    {
        var h = new AllocatorHarness(SiteOf(32, ThreePhase("a"), SinglePhase("b", Phase.L2)));
        h.Plug(0);
        h.Plug(1);
        h.Site = new SiteConditions { Meter = MeterState.Ok, MeterCurrentA = new PhaseCurrents(20, 5, 0) };

        h.Run();

        Assert.Equal((12, "meter:L1"), (h.Setpoint(0), h.Reason(0)));
        Assert.Equal(15, h.Setpoint(1));
    }

    [Fact]
    public void Subtracts_what_the_stations_draw_from_the_meter_reading_to_find_the_household_load()
    {
        var h = new AllocatorHarness(SiteOf(32, ThreePhase("a")));
        h.Plug(0);
        h.Run();
        h.Draw(0, 32);
        h.Site = new SiteConditions { Meter = MeterState.Ok, MeterCurrentA = new PhaseCurrents(32 + 4, 32 + 4, 32 + 4) };

        h.Run();

        Assert.Equal(28, h.Setpoint(0));
    }

    [Fact]
    public void Stops_all_charging_while_the_meter_is_lost_without_fallback_power()
    {
        var h = new AllocatorHarness(SiteOf(32, ThreePhase("a")) with { MeterFallbackPowerW = 0 });
        h.Plug(0);
        h.Run();
        h.Site = new SiteConditions { Meter = MeterState.Lost };

        h.Run();

        Assert.Equal((0.0, "meterLost"), (h.Setpoint(0), h.Reason(0)));
        Assert.Equal([new SetpointChange(0, 32, 0)], h.Last.Plan.Reductions);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0.0)]
    public void An_empty_or_zero_fallback_power_stops_charging_while_the_meter_is_lost_and_shows_a_site_limit_of_0_A(double? fallbackW)
    {
        var h = new AllocatorHarness(SiteOf(100, ThreePhase("a"), ThreePhase("b")) with { MeterFallbackPowerW = fallbackW });
        h.Plug(0);
        h.Plug(1);
        h.Site = new SiteConditions { Meter = MeterState.Ok };
        h.Run();
        Assert.Equal(32, h.Setpoint(0));

        h.Site = new SiteConditions { Meter = MeterState.Lost };
        h.Time.Advance(TimeSpan.FromSeconds(1));
        h.Run();

        Assert.Equal([(0.0, "meterLost"), (0.0, "meterLost")], [(h.Setpoint(0), h.Reason(0)), (h.Setpoint(1), h.Reason(1))]);
        Assert.Equal(PhaseCurrents.Zero, h.Last.Site.LimitA);

        // The meter is back: charging resumes (after the dwell time of a first pause at most).
        h.Site = new SiteConditions { Meter = MeterState.Ok };
        h.Time.Advance(h.Allocator.Options.MinimumDwellTime);
        h.Run();
        Assert.Equal((32.0, 32.0), (h.Setpoint(0), h.Setpoint(1)));
        Assert.Equal(PhaseCurrents.All(100), h.Last.Site.LimitA);
    }

    [Fact]
    public void Limits_all_charging_to_the_fallback_power_while_the_meter_is_lost()
    {
        var h = new AllocatorHarness(SiteOf(32, ThreePhase("a"), ThreePhase("b")) with { MeterFallbackPowerW = 11040 });
        h.Plug(0);
        h.Plug(1);
        h.Site = new SiteConditions { Meter = MeterState.Lost };

        h.Run();

        Assert.Equal(8, h.Setpoint(0));
        Assert.Equal("meterFallback", h.Reason(0));
        Assert.True(h.Last.Site.SetpointSumA.Sum * 230 <= 11040 + 1e-6);
    }

    [Fact]
    public void Holds_the_site_power_limit()
    {
        var h = new AllocatorHarness(SiteOf(63, ThreePhase("a"), SinglePhase("b", Phase.L1)) with { MaxPowerW = 230 * 40 });
        h.Plug(0);
        h.Plug(1);

        h.Run();

        Assert.Equal(10, h.Setpoint(0));
        Assert.Equal(10, h.Setpoint(1));
        Assert.Equal("site:power", h.Reason(0));
    }

    [Fact]
    public void Reserves_the_failsafe_or_last_current_of_an_unreachable_station()
    {
        var h = new AllocatorHarness(SiteOf(32, ThreePhase("a", failsafeA: 10), ThreePhase("b", failsafeA: 10)));
        h.Plug(0);
        h.Plug(1);
        h.Run();
        Assert.Equal(16, h.Setpoint(0));

        h.Demands[0] = h.Demands[0] with { State = ChargePointState.Offline };
        h.Run();

        Assert.Equal((16.0, "offline"), (h.Setpoint(0), h.Reason(0)));
        Assert.Equal(16, h.Setpoint(1));
        Assert.Equal(ChargePointState.Offline, h.Last.States[0]);
        Assert.DoesNotContain(h.Last.Plan.Reductions, c => c.ChargePoint == 0);
    }

    [Fact]
    public void An_unreachable_station_drawing_nothing_keeps_its_reservation_and_makes_no_report_look_implausible()
    {
        var h = new AllocatorHarness(SiteOf(32, ThreePhase("a", failsafeA: 10), ThreePhase("b", failsafeA: 10)));
        h.Plug(0);
        h.Plug(1);
        h.Run();
        h.Demands[0] = h.Demands[0] with { State = ChargePointState.Offline };
        h.Draw(1, 16);

        // 2 A of household and b's 16 A on the meter; a, unreachable, draws nothing now but may draw its 16 A any time.
        h.Site = new SiteConditions { Meter = MeterState.Ok, MeterCurrentA = PhaseCurrents.All(2 + 16) };
        h.Run();

        Assert.True(h.Last.ImplausibleStationCurrents.IsEmpty, $"implausible on {h.Last.ImplausibleStationCurrents}");
        Assert.Equal(16, h.Setpoint(0));
        Assert.Equal(32 - 2 - 16, h.Setpoint(1));

        // a's vehicle starts at those 16 A: the grid stays within 32 A and b keeps its current.
        h.Site = new SiteConditions { Meter = MeterState.Ok, MeterCurrentA = PhaseCurrents.All(2 + 14 + 16) };
        h.Draw(1, 14);
        h.Run();
        Assert.Equal(32 - 2 - 16, h.Setpoint(1));
    }

    [Fact]
    public void Gives_nothing_to_a_vehicle_that_is_not_authorized()
    {
        var h = new AllocatorHarness(SiteOf(32, ThreePhase("a")));
        h.Plug(0);
        h.Demands[0] = h.Demands[0] with { Authorized = false };

        h.Run();

        Assert.Equal((0.0, "authorization"), (h.Setpoint(0), h.Reason(0)));
    }

    [Fact]
    public void Shows_a_vehicle_held_only_for_want_of_a_card_as_connected_not_paused()
    {
        // The station shows the controller's hold (a KEBA held with ena 0); the vehicle waits for a card.
        var h = new AllocatorHarness(SiteOf(32, ThreePhase("a")));
        h.Plug(0);
        h.Demands[0] = h.Demands[0] with { Authorized = false, State = ChargePointState.SuspendedByController };

        h.Run();

        Assert.Equal((0.0, "authorization", ChargePointState.Connected), (h.Setpoint(0), h.Reason(0), h.Last.States[0]));
    }

    [Fact]
    public void Plans_every_reduction_before_any_increase()
    {
        var h = new AllocatorHarness(SiteOf(32, ThreePhase("a"), ThreePhase("b")));
        h.Plug(0);
        h.Run();
        Assert.Equal(32, h.Setpoint(0));
        h.Plug(1);

        var plan = h.Run().Plan;

        Assert.Equal([new SetpointChange(0, 32, 16)], plan.Reductions);
        Assert.Equal([new SetpointChange(1, 0, 16)], plan.Increases);
    }

    [Fact]
    public void Skips_setpoint_increases_below_the_hysteresis()
    {
        var h = new AllocatorHarness(SiteOf(32, ThreePhase("a"), ThreePhase("b")));
        h.Plug(0);
        h.Plug(1);
        h.Run();
        h.Site = new SiteConditions { Meter = MeterState.Ok, MeterCurrentA = PhaseCurrents.All(2 + 32) };
        h.Run();
        Assert.Equal(15, h.Setpoint(0));

        h.Site = new SiteConditions { Meter = MeterState.Ok, MeterCurrentA = PhaseCurrents.All(1.6 + 30) };
        var plan = h.Run().Plan;

        Assert.True(plan.IsEmpty);
        Assert.Equal(15, h.Setpoint(0));
    }

    [Fact]
    public void Gives_current_a_vehicle_leaves_unused_to_the_others_and_probes_in_steps_less_often_while_it_does_not_follow()
    {
        var h = new AllocatorHarness(SiteOf(32, ThreePhase("slow"), ThreePhase("fast")));
        h.Plug(0);
        h.Plug(1);
        h.Run();
        Assert.Equal(16, h.Setpoint(0));

        for (var s = 0; s < 22; s++)
        {
            h.Draw(0, 10);
            h.Time.Advance(TimeSpan.FromSeconds(1));
            h.Run();
        }

        var held = 10 + h.Allocator.Options.UnusedCurrentMarginA;
        Assert.Equal((held, "vehicle"), (h.Setpoint(0), h.Reason(0)));
        Assert.Equal(32 - held, h.Setpoint(1), 6);

        // A probe offers one step more (+25 % here), not the whole share; the vehicle does not follow, so the hold comes
        // back and the next probe waits twice as long.
        h.Time.Advance(h.Allocator.Options.ProbeInterval);
        h.Run();
        Assert.Equal(13.1, h.Setpoint(0), 6);
        RunFor(h, h.Allocator.Options.SettleTime + TimeSpan.FromSeconds(1));
        Assert.Equal(held, h.Setpoint(0));
        Assert.Equal(held, RunFor(h, h.Allocator.Options.ProbeInterval));
        Assert.Equal(13.1, RunFor(h, h.Allocator.Options.ProbeInterval), 6);
    }

    [Fact]
    public void Raises_the_hold_step_by_step_while_the_vehicle_uses_all_it_has()
    {
        var h = new AllocatorHarness(SiteOf(32, ThreePhase("a"), ThreePhase("b")));
        h.Plug(0);
        h.Plug(1);
        h.Run();
        for (var s = 0; s < 22; s++)
        {
            h.Draw(0, 10);
            h.Time.Advance(TimeSpan.FromSeconds(1));
            h.Run();
        }

        var held = 10 + h.Allocator.Options.UnusedCurrentMarginA;
        Assert.Equal(held, h.Setpoint(0));
        h.Draw(0, held);
        Assert.Equal(13.1, RunFor(h, h.Allocator.Options.SettleTime), 6); // one step (a setpoint is raised once per settle time)

        h.Draw(0, 32);
        Assert.Equal(16, RunFor(h, h.Allocator.Options.SettleTime + TimeSpan.FromSeconds(1)));
    }

    /// <summary>Runs a cycle every second for <paramref name="duration"/>; returns the highest setpoint of charge point 0.</summary>
    private static double RunFor(AllocatorHarness h, TimeSpan duration)
    {
        var highest = 0.0;
        for (var t = TimeSpan.Zero; t < duration; t += TimeSpan.FromSeconds(1))
        {
            h.Time.Advance(TimeSpan.FromSeconds(1));
            h.Run();
            highest = Math.Max(highest, h.Setpoint(0));
        }

        return highest;
    }

    [Fact]
    public void Gives_a_vehicle_that_paused_by_itself_only_the_minimum_and_only_from_what_is_left()
    {
        var h = new AllocatorHarness(SiteOf(16, ThreePhase("full"), ThreePhase("a"), ThreePhase("b")));
        h.Plug(0);
        h.Plug(1);
        h.Run();
        h.Run();
        h.Time.Advance(h.Allocator.Options.SettleTime);
        h.Run();
        Assert.Equal(8, h.Setpoint(0));

        // It charged at 8 A; now offered 8 A and taking nothing for longer than the settle time: it paused by itself.
        h.Demands[0] = h.Demands[0] with { State = ChargePointState.SuspendedByEv };
        h.Time.Advance(h.Allocator.Options.SettleTime);
        h.Run();
        Assert.Equal(16, h.Setpoint(1));
        Assert.Equal((0.0, "vehicle"), (h.Setpoint(0), h.Reason(0)));

        h.Demands[0] = h.Demands[0] with { State = ChargePointState.SuspendedByController };
        h.Unplug(1);
        h.Run();
        Assert.Equal((6.0, "vehicle"), (h.Setpoint(0), h.Reason(0)));
    }

    [Fact]
    public void Does_not_take_a_vehicle_for_paused_while_it_may_still_be_following_a_new_setpoint()
    {
        var h = new AllocatorHarness(SiteOf(16, ThreePhase("slow"), ThreePhase("a")));
        h.Plug(0);
        h.Plug(1);
        h.Run();
        h.Demands[0] = h.Demands[0] with { State = ChargePointState.SuspendedByEv };

        h.Run();

        Assert.Equal(8, h.Setpoint(0));
    }

    [Fact]
    public void Does_not_give_idle_or_faulty_stations_any_current()
    {
        var h = new AllocatorHarness(SiteOf(32, ThreePhase("a"), ThreePhase("b")));
        h.Demands[1] = h.Demands[1] with { State = ChargePointState.Error };

        h.Run();

        Assert.Equal((0.0, "idle"), (h.Setpoint(0), h.Reason(0)));
        Assert.Equal((0.0, "error"), (h.Setpoint(1), h.Reason(1)));
    }

    [Fact]
    public void Rejects_demands_that_do_not_match_the_configured_charge_points()
    {
        var allocator = new Allocator(SiteOf(32, ThreePhase("a")), TimeProvider.System);

        var error = Assert.Throws<ArgumentException>(() => allocator.Allocate(new ChargePointDemand[2], default));

        Assert.StartsWith("Expected one demand per charge point (1) but got 2.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_queue_places_when_the_settings_change()
    {
        var h = new AllocatorHarness(SiteOf(12, ThreePhase("a"), ThreePhase("b"), ThreePhase("c")));
        h.Plug(0);
        h.Plug(1);
        h.Run();
        h.Plug(2);
        h.Run();

        h.Allocator.UpdateSettings(h.Allocator.Settings with { MaxCurrentA = 18 });
        h.Run();

        Assert.All([0, 1, 2], i => Assert.Equal(6, h.Setpoint(i)));
    }
}
