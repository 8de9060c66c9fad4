using OpenCpm.Core.Sessions;

namespace OpenCpm.Core.Tests.Sessions;

public sealed class ChargingSessionTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static ChargingSession Active() => new() { Id = 7, ChargePoint = "cp1", IdTag = "04A1B2", Start = Start, MeterStartWh = 1000 };

    [Fact]
    public void An_active_session_is_shown_as_PWMCharging_with_no_energy_yet()
    {
        var s = Active();
        Assert.True(s.IsActive);
        Assert.Equal("PWMCharging", s.State);
        Assert.Equal(0, s.EnergyWh);
    }

    [Fact]
    public void Energy_follows_the_meter_while_active_and_is_final_once_ended()
    {
        var s = Active().WithMeterReading(3500);
        Assert.Equal(2500, s.EnergyWh);

        var ended = s.Ended(Start.AddHours(2), 12000, StopReason.EVDisconnected);
        Assert.False(ended.IsActive);
        Assert.Equal("ended", ended.State);
        Assert.Equal(11000, ended.EnergyWh);
        Assert.Equal(StopReason.EVDisconnected, ended.StopReason);
        Assert.Equal(Start.AddHours(2), ended.End);
    }

    [Fact]
    public void A_meter_that_went_backwards_counts_as_no_energy()
    {
        Assert.Equal(0, Active().WithMeterReading(900).EnergyWh);
    }

    [Fact]
    public void An_ended_session_cannot_end_again_or_take_readings()
    {
        var ended = Active().Ended(Start.AddHours(1), 2000, StopReason.Local);
        var again = Assert.Throws<InvalidOperationException>(() => ended.Ended(Start.AddHours(2), 3000, StopReason.Remote));
        Assert.Equal("Session 7 at charge point \"cp1\" has already ended, so it can't end it.", again.Message);
        Assert.Throws<InvalidOperationException>(() => ended.WithMeterReading(2500));
    }

    [Fact]
    public void A_session_cannot_end_before_it_started()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Active().Ended(Start.AddMinutes(-1), 2000, StopReason.Local));
        Assert.Equal("Session 7 can't end at 2026-03-01T07:59:00.0000000+00:00, before its start at 2026-03-01T08:00:00.0000000+00:00.", error.Message);
    }
}
