using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Core.Tests.LoadManagement;

public sealed class SetpointTransitionsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
    private static readonly SetpointTiming Settle = new(TimeSpan.Zero, TimeSpan.FromSeconds(13));
    private static readonly DateTimeOffset Later = T0.AddMinutes(1);

    [Fact]
    public void An_increase_spans_the_band_from_the_last_measurement_to_the_new_setpoint_until_a_measurement_after_its_settle_time()
    {
        var transitions = new SetpointTransitions();
        transitions.Sent(10, 16, T0, Settle);

        Assert.Equal(new CurrentBand(PhaseCurrents.All(10), PhaseCurrents.All(16)), transitions.Band(PhaseCurrents.All(10), T0.AddSeconds(-1), PhaseSet.None, Later));
        Assert.Equal(new CurrentBand(PhaseCurrents.All(12), PhaseCurrents.All(16)), transitions.Band(PhaseCurrents.All(12), T0.AddSeconds(5), PhaseSet.None, Later));

        Assert.Equal(CurrentBand.Exactly(PhaseCurrents.All(14)), transitions.Band(PhaseCurrents.All(14), T0 + Settle.Settled, PhaseSet.None, Later));
        Assert.Equal(0, transitions.PendingCount);
    }

    [Fact]
    public void A_reduction_is_shown_by_any_later_measurement_at_the_new_setpoint()
    {
        var transitions = new SetpointTransitions();
        transitions.Sent(16, 10, T0, Settle);

        Assert.Equal(new CurrentBand(PhaseCurrents.All(10), PhaseCurrents.All(16)), transitions.Band(PhaseCurrents.All(16), T0.AddSeconds(3), PhaseSet.None, Later));
        Assert.Equal(CurrentBand.Exactly(PhaseCurrents.All(10.3)), transitions.Band(PhaseCurrents.All(10.3), T0.AddSeconds(4), PhaseSet.None, Later));
    }

    [Fact]
    public void A_measurement_taken_before_the_change_left_shows_nothing_of_it()
    {
        var transitions = new SetpointTransitions();
        transitions.Sent(16, 6, T0, Settle);

        // Taken 2 s before the reduction left, this 6 A reading is the vehicle's own dip, not the reduction arriving.
        Assert.Equal(new CurrentBand(PhaseCurrents.All(6), PhaseCurrents.All(6)), transitions.Band(PhaseCurrents.All(6), T0.AddSeconds(-2), PhaseSet.None, Later));
        Assert.Equal(1, transitions.PendingCount);
        Assert.Equal(new CurrentBand(PhaseCurrents.All(6), PhaseCurrents.All(16)), transitions.Band(PhaseCurrents.All(16), T0.AddSeconds(-1), PhaseSet.None, Later));
    }

    [Fact]
    public void A_one_phase_vehicle_changes_only_its_conductor()
    {
        var transitions = new SetpointTransitions();
        transitions.Sent(16, 32, T0, Settle);

        var band = transitions.Band(new PhaseCurrents(16, 0, 0), T0.AddSeconds(1), PhaseSet.Of(Phase.L1), Later);

        Assert.Equal(new PhaseCurrents(16, 0, 0), band.LowA);
        Assert.Equal(new PhaseCurrents(32, 0, 0), band.HighA);
    }

    [Fact]
    public void A_change_that_cannot_show_yet_leaves_the_band_at_the_measurement()
    {
        var transitions = new SetpointTransitions();
        transitions.Sent(0, 16, T0, new SetpointTiming(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(6)));

        Assert.Equal(CurrentBand.Exactly(PhaseCurrents.Zero), transitions.Band(PhaseCurrents.Zero, T0.AddSeconds(-1), PhaseSet.None, T0.AddSeconds(0.9)));
        Assert.Equal(new CurrentBand(PhaseCurrents.Zero, PhaseCurrents.All(16)), transitions.Band(PhaseCurrents.Zero, T0.AddSeconds(-1), PhaseSet.None, T0.AddSeconds(1)));
    }

    [Fact]
    public void A_raise_from_a_lower_setpoint_is_not_shown_by_a_low_reading_even_when_an_older_one_showed_more_flowing()
    {
        // Told 6 A, last measured at 8.8 A (a reading from before an earlier reduction arrived): a raise to 8.2 A is an
        // increase of what the vehicle may draw, not a reduction a 6 A reading proves done.
        var transitions = new SetpointTransitions();
        transitions.Sent(8.8, 8.2, T0, Settle, previousSetpointA: 6);

        Assert.Equal(new CurrentBand(PhaseCurrents.All(6), PhaseCurrents.All(8.2)), transitions.Band(PhaseCurrents.All(6), T0.AddSeconds(1), PhaseSet.None, Later));
        Assert.Equal(1, transitions.PendingCount);
        Assert.Equal(CurrentBand.Exactly(PhaseCurrents.All(8.2)), transitions.Band(PhaseCurrents.All(8.2), T0 + Settle.Settled, PhaseSet.None, Later));
    }

    [Fact]
    public void A_reading_newer_than_the_instant_asked_about_spans_the_band_back_to_the_reading_before_it()
    {
        // Charging at 16 A, then a report taken at T0 + 3 s shows 0 A (the vehicle stopped by itself); set against a
        // meter reading from T0 + 2 s, the current then lay anywhere between the two readings.
        var transitions = new SetpointTransitions();
        Assert.Equal(CurrentBand.Exactly(PhaseCurrents.All(16)), transitions.Band(PhaseCurrents.All(16), T0, PhaseSet.None, T0.AddSeconds(1)));

        Assert.Equal(new CurrentBand(PhaseCurrents.Zero, PhaseCurrents.All(16)), transitions.Band(PhaseCurrents.Zero, T0.AddSeconds(3), PhaseSet.None, T0.AddSeconds(2)));
        Assert.Equal(CurrentBand.Exactly(PhaseCurrents.Zero), transitions.Band(PhaseCurrents.Zero, T0.AddSeconds(3), PhaseSet.None, T0.AddSeconds(3)));
    }
}
