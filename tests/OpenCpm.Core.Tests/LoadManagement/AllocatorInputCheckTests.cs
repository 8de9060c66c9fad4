using OpenCpm.Core.LoadManagement;
using static OpenCpm.Core.Tests.LoadManagement.AllocatorHarness;

namespace OpenCpm.Core.Tests.LoadManagement;

/// <summary>
/// Issue 9, item 2: the allocator's last line of defence against numbers that are not finite. Before its entry
/// checks, NaN compared as "no limit" and these tests saw the vehicle get its full 32 A.
/// </summary>
public sealed class AllocatorInputCheckTests
{
    public static TheoryData<string, double> NonFinite => new()
    {
        { "NaN", double.NaN },
        { "+Infinity", double.PositiveInfinity },
        { "-Infinity", double.NegativeInfinity },
    };

    [Theory, MemberData(nameof(NonFinite))]
    public void A_meter_reading_that_is_not_finite_counts_as_a_lost_meter(string name, double value)
    {
        var h = new AllocatorHarness(SiteOf(32, ThreePhase("a")) with { MeterFallbackPowerW = 0 });
        h.Plug(0);
        h.Site = new SiteConditions { Meter = MeterState.Ok, MeterCurrentA = new PhaseCurrents(value, 0, 0) };

        h.Run();

        Assert.True((0.0, "meterLost") == (h.Setpoint(0), h.Reason(0)), $"{name}: {h.Setpoint(0)} A, {h.Reason(0)}");
    }

    [Theory, MemberData(nameof(NonFinite))]
    public void A_site_limit_that_is_not_finite_stops_charging_instead_of_lifting_the_limit(string name, double value)
    {
        var h = new AllocatorHarness(SiteOf(32, ThreePhase("a")));
        h.Plug(0);
        h.Site = new SiteConditions { ApiSiteLimitA = value, OcppSiteLimitA = 16 };

        h.Run();

        Assert.True(h.Setpoint(0) == 0, $"{name}: {h.Setpoint(0)} A");
    }

    [Theory, MemberData(nameof(NonFinite))]
    public void A_charge_point_limit_that_is_not_finite_stops_that_charge_point(string name, double value)
    {
        var h = new AllocatorHarness(SiteOf(63, ThreePhase("a"), ThreePhase("b")));
        h.Plug(0);
        h.Plug(1);
        h.Demands[0] = h.Demands[0] with { OcppLimitA = value };
        h.Demands[1] = h.Demands[1] with { HardwareLimitA = 20 };

        h.Run();

        Assert.True((0.0, 20.0) == (h.Setpoint(0), h.Setpoint(1)), $"{name}: {h.Setpoint(0)} A, {h.Setpoint(1)} A");
    }

    [Fact]
    public void A_measured_current_that_is_not_finite_counts_as_nothing_measured_and_never_poisons_the_site()
    {
        var h = new AllocatorHarness(SiteOf(32, ThreePhase("a"), ThreePhase("b")));
        h.Plug(0);
        h.Plug(1);
        h.Run();
        h.Demands[0] = h.Demands[0] with { MeasuredCurrentA = new PhaseCurrents(double.NaN, double.PositiveInfinity, 16), CommandedSetpointA = double.NaN };
        h.Site = new SiteConditions { Meter = MeterState.Ok, MeterCurrentA = new PhaseCurrents(32, 32, 32) };

        var allocation = h.Allocator.Allocate(h.Demands, h.Site);

        Assert.All(allocation.SetpointA, a => Assert.True(double.IsFinite(a)));
        Assert.True(allocation.Site.SetpointSumA.Max <= 32 + 1e-9, allocation.Site.SetpointSumA.ToString());
    }
}
