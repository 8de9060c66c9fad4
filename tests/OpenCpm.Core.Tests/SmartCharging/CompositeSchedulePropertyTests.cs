using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenCpm.Core.SmartCharging;

namespace OpenCpm.Core.Tests.SmartCharging;

/// <summary>The composite schedule against the effective limit it summarizes, over random profiles.</summary>
public sealed class CompositeSchedulePropertyTests
{
    private const double Tolerance = 1e-9;

    [Property(Arbitrary = [typeof(ProfileCaseArbitrary)], MaxTest = 120)]
    public void The_effective_limit_at_any_instant_equals_the_composite_period_covering_it(ProfileCase @case)
    {
        var set = @case.Set();
        foreach (var connector in new[] { 0, 1, 2 })
        {
            var composite = set.Composite(connector, @case.Start, @case.DurationS, ChargingRateUnit.A, ProfileCase.LocalLimitA, @case.Context);
            Assert.Equal(@case.DurationS, composite.DurationS);
            foreach (var at in Samples(composite))
            {
                var effective = Math.Min(set.LimitAt(connector, at, @case.Context)?.LimitA ?? double.PositiveInfinity, ProfileCase.LocalLimitA);
                var shown = composite.PeriodAt(at)!.Value.Limit;
                Assert.True(Math.Abs(effective - shown) < Tolerance, $"connector {connector} at {at:O}: effective {effective} A, composite {shown} A ({Profiles.Show(composite)}). {@case}");
            }
        }
    }

    [Property(Arbitrary = [typeof(ProfileCaseArbitrary)], MaxTest = 100)]
    public void Between_two_changes_the_effective_limit_stays_the_same(ProfileCase @case)
    {
        var set = @case.Set();
        var at = @case.Start;
        for (var k = 0; k < 50 && set.NextChangeAfter(at, @case.Context) is { } next; k++)
        {
            var middle = at + ((next - at) / 2);
            foreach (var connector in new[] { 0, 1, 2 })
            {
                Assert.Equal(set.LimitAt(connector, at, @case.Context), set.LimitAt(connector, middle, @case.Context));
                Assert.Equal(set.LimitAt(connector, at, @case.Context), set.LimitAt(connector, next.AddTicks(-1), @case.Context));
            }

            at = next;
        }
    }

    [Property(MaxTest = 100)]
    public Property The_composite_never_exceeds_a_profile_that_applies_even_when_changes_fall_within_a_second() =>
        Prop.ForAll(ProfileCaseArbitrary.OnePerPurpose(), @case =>
        {
            var set = @case.Set();
            var composite = set.Composite(1, @case.Start, @case.DurationS, ChargingRateUnit.A, ProfileCase.LocalLimitA, @case.Context);
            var installed = set.Profiles;
            var transaction = @case.Context.TransactionOn(1);
            foreach (var at in Samples(composite).Concat(installed.SelectMany(p => Boundaries(p, @case))))
            {
                if (composite.PeriodAt(at) is not { } shown)
                {
                    continue;
                }

                Assert.True(shown.Limit <= ProfileCase.LocalLimitA + Tolerance);
                Assert.True(shown.Limit <= (set.LimitAt(1, at, @case.Context)?.LimitA ?? double.PositiveInfinity) + Tolerance);

                // Applies: the network maximum; the TxProfile while it is valid, else the default.
                var txProfilePresent = installed.Any(p => p.Profile.Purpose == ChargingProfilePurpose.TxProfile && p.Profile.IsValidAt(at));
                foreach (var p in installed.Where(p => p.Profile.Purpose == ChargingProfilePurpose.ChargePointMaxProfile
                    || p.Profile.Purpose == (txProfilePresent ? ChargingProfilePurpose.TxProfile : ChargingProfilePurpose.TxDefaultProfile)))
                {
                    // The network's maximum runs on its own clock (a Relative one from when it was installed), the others on connector 1's.
                    var clock = p.Profile.Purpose == ChargingProfilePurpose.ChargePointMaxProfile ? null : transaction;
                    if (ChargingProfileTimeline.PeriodAt(p, at, clock) is { } period)
                    {
                        var phases = p.ConnectorId == 0 ? 3 : @case.Context.PhasesOf(1);
                        var limitA = ChargingRateConverter.ToAmps(period.Limit, p.Profile.Schedule.Unit, 230, phases);
                        Assert.True(shown.Limit <= limitA + Tolerance, $"at {at:O} the composite shows {shown.Limit} A above profile {p.Profile.Id}'s {limitA} A ({Profiles.Show(composite)}). {@case}");
                    }
                }
            }
        });

    [Property(MaxTest = 300)]
    public Property Converting_watts_to_amperes_is_monotone_and_more_phases_never_give_more_current() =>
        Prop.ForAll(
            (from a in Gen.Choose(0, 100_000) from b in Gen.Choose(0, 100_000) from phases in Gen.Choose(1, 3) from volts in Gen.Choose(100, 400) select (a, b, phases, volts)).ToArbitrary(),
            x =>
            {
                var (a, b, phases, volts) = x;
                var (low, high) = (Math.Min(a, b), Math.Max(a, b));
                var lowA = ChargingRateConverter.ToAmps(low, ChargingRateUnit.W, volts, phases);
                var highA = ChargingRateConverter.ToAmps(high, ChargingRateUnit.W, volts, phases);
                return lowA <= highA
                    && ChargingRateConverter.ToAmps(high, ChargingRateUnit.W, volts, 3) <= ChargingRateConverter.ToAmps(high, ChargingRateUnit.W, volts, phases)
                    && Math.Abs(ChargingRateConverter.FromAmps(highA, ChargingRateUnit.W, volts, phases) - high) < 1e-6
                    && ChargingRateConverter.ToAmps(high, ChargingRateUnit.A, volts, phases) == high;
            });

    /// <summary>Every period's start and the instants just around it, and 200 more spread over the schedule, all within it.</summary>
    private static IEnumerable<DateTimeOffset> Samples(CompositeSchedule composite) =>
        AroundPeriods(composite).Where(at => at >= composite.Start && at < composite.Start.AddSeconds(composite.DurationS));

    private static IEnumerable<DateTimeOffset> AroundPeriods(CompositeSchedule composite)
    {
        foreach (var p in composite.Periods)
        {
            var start = composite.Start.AddSeconds(p.StartPeriodS);
            yield return start;
            yield return start.AddMilliseconds(500);
            yield return start.AddTicks(-1);
        }

        for (var k = 0; k < 200; k++)
        {
            yield return composite.Start.AddSeconds(composite.DurationS * k / 200.0);
        }
    }

    /// <summary>The instants a profile changes at and just around them (where the composite rounds to whole seconds).</summary>
    private static IEnumerable<DateTimeOffset> Boundaries(InstalledChargingProfile profile, ProfileCase @case)
    {
        var at = @case.Start;
        var end = @case.Start.AddSeconds(@case.DurationS);
        for (var k = 0; k < 40 && ChargingProfileTimeline.NextChangeAfter(profile, at, @case.Context.TransactionOn(1)) is { } next && next < end; k++)
        {
            yield return next.AddTicks(-1);
            yield return next;
            yield return next.AddMilliseconds(1);
            at = next;
        }
    }
}
