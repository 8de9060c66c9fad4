using Microsoft.Extensions.Time.Testing;
using OpenCpm.Protocols.Keba;

namespace OpenCpm.Protocols.Tests.Keba;

public sealed class KebaTimingGateTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly KebaTimingGate _gate = new(new KebaTimingOptions());

    [Fact]
    public void Sends_the_first_command_at_once()
    {
        Assert.Equal(_time.GetUtcNow(), _gate.EarliestSend(KebaCommand.Report(2), _time.GetUtcNow()));
    }

    [Fact]
    public void Keeps_150_ms_between_any_two_datagrams_the_guides_100_ms_and_a_margin()
    {
        _gate.RecordSent(KebaCommand.Report(2), _time.GetUtcNow());
        _time.Advance(TimeSpan.FromMilliseconds(30));
        Assert.Equal(TimeSpan.FromMilliseconds(120), _gate.EarliestSend(KebaCommand.Report(3), _time.GetUtcNow()) - _time.GetUtcNow());
    }

    [Fact]
    public void Keeps_5_s_between_identical_commands_but_not_for_a_retry()
    {
        var start = _time.GetUtcNow();
        _gate.RecordSent(KebaCommand.Report(2), start);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(start + TimeSpan.FromSeconds(5), _gate.EarliestSend(KebaCommand.Report(2), _time.GetUtcNow()));
        Assert.Equal(_time.GetUtcNow(), _gate.EarliestSend(KebaCommand.Report(2), _time.GetUtcNow(), retry: true));
        Assert.Equal(_time.GetUtcNow(), _gate.EarliestSend(KebaCommand.Report(3), _time.GetUtcNow()));
    }

    [Theory]
    [InlineData("ena 0")]
    [InlineData("currtime 0 1")]
    public void Stays_quiet_for_2_s_after_a_disabling_command(string disabling)
    {
        var start = _time.GetUtcNow();
        _gate.RecordSent(KebaCommand.Parse(disabling), start);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(start + TimeSpan.FromSeconds(2), _gate.EarliestSend(KebaCommand.Report(2), _time.GetUtcNow()));
    }

    [Fact]
    public void Does_not_stay_quiet_after_an_enabling_command()
    {
        var start = _time.GetUtcNow();
        _gate.RecordSent(KebaCommand.Enable(true), start);
        Assert.Equal(start + TimeSpan.FromMilliseconds(150), _gate.EarliestSend(KebaCommand.Report(2), start));
    }

    [Fact]
    public void Allows_a_phase_switch_only_more_than_300_s_after_the_last()
    {
        Assert.True(_gate.PhaseSwitchAllowed(_time.GetUtcNow()));
        _gate.RecordSent(KebaCommand.PhaseSwitch(threePhase: false), _time.GetUtcNow());
        _time.Advance(TimeSpan.FromSeconds(300));
        Assert.False(_gate.PhaseSwitchAllowed(_time.GetUtcNow()));
        Assert.Equal(TimeSpan.FromSeconds(1), _gate.PhaseSwitchWait(_time.GetUtcNow()));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(_gate.PhaseSwitchAllowed(_time.GetUtcNow()));
    }
}
