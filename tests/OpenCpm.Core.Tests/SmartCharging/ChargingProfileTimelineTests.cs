using OpenCpm.Core.SmartCharging;
using static OpenCpm.Core.SmartCharging.ChargingProfilePurpose;
using static OpenCpm.Core.Tests.SmartCharging.Profiles;

namespace OpenCpm.Core.Tests.SmartCharging;

public sealed class ChargingProfileTimelineTests
{
    private static double? LimitAt(ChargingProfile profile, DateTimeOffset at, ChargingTransaction? transaction = null, DateTimeOffset? installedAt = null) =>
        ChargingProfileTimeline.PeriodAt(new InstalledChargingProfile(1, profile, installedAt ?? T0), at, transaction)?.Limit;

    [Fact]
    public void An_absolute_schedule_runs_from_its_start_for_its_duration()
    {
        var profile = Absolute(1, TxDefaultProfile, 0, T0.AddMinutes(10), 600, (0, 16), (300, 8));

        Assert.Null(LimitAt(profile, T0.AddMinutes(9)));
        Assert.Equal(16, LimitAt(profile, T0.AddMinutes(10)));
        Assert.Equal(8, LimitAt(profile, T0.AddMinutes(15)));
        Assert.Null(LimitAt(profile, T0.AddMinutes(20)));
    }

    [Fact]
    public void An_absolute_schedule_without_a_start_runs_from_when_it_was_installed_and_without_a_duration_forever()
    {
        var profile = Absolute(1, TxDefaultProfile, 0, null, null, (0, 16), (60, 8));

        Assert.Equal(16, LimitAt(profile, T0.AddSeconds(59), installedAt: T0));
        Assert.Equal(8, LimitAt(profile, T0.AddDays(400), installedAt: T0));
    }

    [Fact]
    public void A_daily_schedule_starts_again_every_day_and_leaves_a_gap_after_its_duration()
    {
        var night = Make(1, TxDefaultProfile, 0, ChargingProfileKind.Recurring, T0.Date.AddHours(22), 8 * 3600, ChargingRateUnit.A, (0, 32), (4 * 3600, 16))
            with { Recurrency = RecurrencyKind.Daily };
        var day3 = T0.Date.AddDays(3);

        Assert.Null(LimitAt(night, day3.AddHours(21)));
        Assert.Equal(32, LimitAt(night, day3.AddHours(23)));
        Assert.Equal(16, LimitAt(night, day3.AddHours(26)));
        Assert.Null(LimitAt(night, day3.AddHours(30)));
        Assert.Equal(day3.AddHours(22), ChargingProfileTimeline.NextChangeAfter(new InstalledChargingProfile(1, night, T0), day3.AddHours(12), null));
    }

    [Fact]
    public void A_weekly_schedule_without_a_duration_holds_its_last_period_until_the_next_week()
    {
        var start = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero); // a Monday
        var weekend = Make(1, ChargePointMaxProfile, 0, ChargingProfileKind.Recurring, start, null, ChargingRateUnit.A, (0, 20), (5 * 86400, 63))
            with { Recurrency = RecurrencyKind.Weekly };

        Assert.Equal(20, LimitAt(weekend, start.AddDays(14 + 4)));
        Assert.Equal(63, LimitAt(weekend, start.AddDays(14 + 6)));
        Assert.Equal(20, LimitAt(weekend, start.AddDays(21)));
    }

    [Fact]
    public void A_relative_schedule_runs_from_the_transactions_start()
    {
        var profile = Make(1, TxProfile, 0, ChargingProfileKind.Relative, null, null, ChargingRateUnit.A, (0, 10), (1800, 32));
        var transaction = new ChargingTransaction(3, T0.AddHours(1));

        Assert.Equal(10, LimitAt(profile, T0.AddHours(1.4), transaction));
        Assert.Equal(32, LimitAt(profile, T0.AddHours(1.5), transaction));
        Assert.Equal(T0.AddHours(1.5), ChargingProfileTimeline.NextChangeAfter(new InstalledChargingProfile(1, profile, T0), T0.AddHours(1.2), transaction));
    }

    [Fact]
    public void Outside_valid_from_and_valid_to_a_profile_is_not_in_force()
    {
        var profile = Absolute(1, TxDefaultProfile, 0, T0, null, (0, 16)) with { ValidFrom = T0.AddHours(1), ValidTo = T0.AddHours(2) };

        Assert.Null(LimitAt(profile, T0.AddMinutes(59)));
        Assert.Equal(16, LimitAt(profile, T0.AddHours(1)));
        Assert.Null(LimitAt(profile, T0.AddHours(2)));
        Assert.Equal(T0.AddHours(2), ChargingProfileTimeline.NextChangeAfter(new InstalledChargingProfile(1, profile, T0), T0.AddHours(1), null));
    }

    [Fact]
    public void The_next_change_of_a_set_is_its_earliest_boundary_and_none_after_the_last()
    {
        var context = new SmartChargingContext();
        var set = ChargingProfileSet.Empty
            .Install(0, Absolute(1, ChargePointMaxProfile, 0, T0, null, (0, 40), (900, 20)), T0, 1, null, SmartChargingConfiguration.Default).Set
            .Install(1, Absolute(2, TxDefaultProfile, 0, T0, 600, (0, 16)), T0, 1, null, SmartChargingConfiguration.Default).Set;

        Assert.Equal(T0.AddSeconds(600), set.NextChangeAfter(T0, context));
        Assert.Equal(T0.AddSeconds(900), set.NextChangeAfter(T0.AddSeconds(600), context));
        Assert.Null(set.NextChangeAfter(T0.AddSeconds(900), context));
    }
}
