using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using OpenCpm.Core.ChargePoints;
using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Core.Tests.LoadManagement;

/// <summary>
/// OCPP charging profiles reach the allocator as one more limit per charge point (<see cref="ChargePointDemand.OcppLimitA"/>)
/// and per site phase (<see cref="SiteConditions.OcppSiteLimitA"/>): the lowest limit wins, so a profile can lower a
/// current but never raise one above any other limit.
/// </summary>
public sealed class OcppLimitPropertyTests
{
    private const double Huge = 1e6;
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Property(Arbitrary = [typeof(SiteCaseArbitrary)], MaxTest = 150)]
    public void An_ocpp_limit_above_every_other_limit_changes_no_setpoint(SiteCase siteCase)
    {
        var timeWithout = new FakeTimeProvider(Start);
        var without = new Allocator(siteCase.Settings, timeWithout);
        var timeWith = new FakeTimeProvider(Start);
        var with = new Allocator(siteCase.Settings, timeWith);

        foreach (var cycle in siteCase.Cycles)
        {
            timeWithout.Advance(TimeSpan.FromSeconds(cycle.AdvanceSeconds));
            timeWith.Advance(TimeSpan.FromSeconds(cycle.AdvanceSeconds));
            var plain = cycle.Demands.Select(d => d with { OcppLimitA = null }).ToArray();
            var lifted = cycle.Demands.Select(d => d with { OcppLimitA = Huge }).ToArray();

            var a = without.Allocate(plain, cycle.Site with { OcppSiteLimitA = null });
            var expected = a.SetpointA.ToArray();
            var b = with.Allocate(lifted, cycle.Site with { OcppSiteLimitA = Huge });

            Assert.Equal(expected, b.SetpointA);
            Assert.DoesNotContain(b.LimitedBy, r => r.Kind is LimitKind.Ocpp or LimitKind.OcppSite);
        }
    }

    [Property(Arbitrary = [typeof(SiteCaseArbitrary)], MaxTest = 150)]
    public void Every_setpoint_stays_within_its_ocpp_limit_the_sites_ocpp_limit_and_every_other_limit(SiteCase siteCase)
    {
        var time = new FakeTimeProvider(Start);
        var allocator = new Allocator(siteCase.Settings, time);
        var k = 0;
        foreach (var cycle in siteCase.Cycles)
        {
            time.Advance(TimeSpan.FromSeconds(cycle.AdvanceSeconds));

            // OCPP limits of every size, from below the minimum current to far above the fuse.
            var demands = cycle.Demands.Select((d, i) => d with { OcppLimitA = ((i + k) % 5) switch { 0 => null, 1 => 3, 2 => 7.5, 3 => 16, _ => 500 } }).ToArray();
            var site = cycle.Site with { OcppSiteLimitA = (k++ % 4) switch { 0 => null, 1 => 9, 2 => 25.5, _ => 5000 } };

            var allocation = allocator.Allocate(demands, site);

            var violation = SafetyOracle.Check(siteCase.Settings, demands, site, allocation);
            Assert.True(violation is null, $"{violation} Case: {siteCase}");
            for (var i = 0; i < demands.Length; i++)
            {
                if (demands[i].State != ChargePointState.Offline)
                {
                    Assert.True(allocation.SetpointA[i] <= (demands[i].OcppLimitA ?? double.PositiveInfinity) + 1e-9);
                    Assert.True(allocation.SetpointA[i] <= siteCase.Settings.ChargePoints[i].MaxCurrentA + 1e-9);
                }
            }

            Assert.True(allocation.Site.SetpointSumA.Max <= Math.Min(siteCase.Settings.MaxCurrentA, site.OcppSiteLimitA ?? double.PositiveInfinity) + 1e-6
                || demands.Any(d => d.State == ChargePointState.Offline), $"site sums {allocation.Site.SetpointSumA}. Case: {siteCase}");
        }
    }

    [Fact]
    public void A_network_profile_is_shared_like_the_fuse_and_each_setpoint_says_ocpp_site()
    {
        var h = new AllocatorHarness(AllocatorHarness.SiteOf(63, AllocatorHarness.ThreePhase("a"), AllocatorHarness.ThreePhase("b")));
        h.Plug(0);
        h.Plug(1);
        h.Site = new SiteConditions { OcppSiteLimitA = 20 };

        h.Run();

        Assert.Equal((10, "ocpp:site"), (h.Setpoint(0), h.Reason(0)));
        Assert.Equal((10, "ocpp:site"), (h.Setpoint(1), h.Reason(1)));
    }
}
