using Microsoft.Extensions.Time.Testing;
using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Core.Tests.LoadManagement;

public sealed class ReductionGateTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Allows_increases_when_nothing_was_reduced() => Assert.True(new ReductionGate(_time).IncreasesAllowed());

    [Fact]
    public void Holds_increases_until_the_station_acknowledges_the_reduction()
    {
        var gate = new ReductionGate(_time);
        gate.Sent(0, 6);
        gate.Measured(0, 5);

        Assert.False(gate.IncreasesAllowed());
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(gate.IncreasesAllowed());

        gate.Acknowledged(0);
        Assert.True(gate.IncreasesAllowed());
    }

    [Fact]
    public void After_the_acknowledgement_waits_for_the_vehicle_to_follow_or_the_reaction_window()
    {
        var gate = new ReductionGate(_time);
        gate.Sent(0, 6);
        gate.Acknowledged(0);
        gate.Measured(0, 16);

        Assert.False(gate.IncreasesAllowed());
        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(gate.IncreasesAllowed());
        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(gate.IncreasesAllowed());
    }

    [Fact]
    public void Releases_as_soon_as_the_vehicle_draws_no_more_than_its_new_setpoint()
    {
        var gate = new ReductionGate(_time);
        gate.Sent(0, 6);
        gate.Acknowledged(0);
        gate.Measured(0, 6.3);

        Assert.True(gate.IncreasesAllowed());
        Assert.Equal(0, gate.PendingCount);
    }

    [Fact]
    public void Forgets_a_station_that_went_offline_its_reservation_protects_the_others()
    {
        var gate = new ReductionGate(_time);
        gate.Sent(0, 0);
        gate.Sent(1, 6);
        gate.Acknowledged(1);
        gate.Measured(1, 6);

        Assert.False(gate.IncreasesAllowed());
        gate.Forget(0);
        Assert.True(gate.IncreasesAllowed());
    }
}
