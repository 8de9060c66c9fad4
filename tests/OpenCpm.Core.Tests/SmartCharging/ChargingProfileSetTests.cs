using OpenCpm.Core.SmartCharging;
using static OpenCpm.Core.SmartCharging.ChargingProfilePurpose;
using static OpenCpm.Core.Tests.SmartCharging.Profiles;

namespace OpenCpm.Core.Tests.SmartCharging;

public sealed class ChargingProfileSetTests
{
    private static readonly SmartChargingContext Context = new()
    {
        NominalVoltageV = 230,
        PhasesByConnector = new Dictionary<int, int> { [1] = 3, [2] = 1 },
        Transactions = new Dictionary<int, ChargingTransaction> { [1] = new(7, T0) },
    };

    private static ChargingProfileSet Install(ChargingProfileSet set, int connectorId, ChargingProfile profile, SmartChargingConfiguration? configuration = null)
    {
        var result = set.Install(connectorId, profile, T0, 2, Context.TransactionOn(connectorId), configuration ?? SmartChargingConfiguration.Default);
        Assert.True(result.Accepted, result.Rejection);
        return result.Set;
    }

    [Fact]
    public void A_profile_with_the_same_id_replaces_the_old_one_wherever_it_was()
    {
        var set = Install(ChargingProfileSet.Empty, 1, Absolute(5, TxDefaultProfile, 0, T0, null, (0, 16)));

        var result = set.Install(2, Absolute(5, TxDefaultProfile, 3, T0, null, (0, 10)), T0, 2, null, SmartChargingConfiguration.Default);

        Assert.Equal(1, Assert.Single(result.Replaced).ConnectorId);
        Assert.Equal(2, Assert.Single(result.Set.Profiles).ConnectorId);
    }

    [Fact]
    public void A_profile_with_the_same_purpose_and_stack_level_on_the_same_connector_replaces_the_old_one()
    {
        var set = Install(ChargingProfileSet.Empty, 1, Absolute(1, TxDefaultProfile, 2, T0, null, (0, 16)));
        set = Install(set, 2, Absolute(2, TxDefaultProfile, 2, T0, null, (0, 16)));
        set = Install(set, 1, Absolute(3, TxDefaultProfile, 1, T0, null, (0, 16)));

        set = Install(set, 1, Absolute(4, TxDefaultProfile, 2, T0, null, (0, 12)));

        Assert.Equal([2, 3, 4], set.Profiles.Select(p => p.Profile.Id).Order());
        Assert.Equal(12, set.LimitAt(1, T0, Context)!.Value.LimitA);
    }

    [Fact]
    public void No_more_profiles_than_MaxChargingProfilesInstalled_but_a_replacement_still_fits()
    {
        var two = new SmartChargingConfiguration { MaxProfilesInstalled = 2 };
        var set = Install(ChargingProfileSet.Empty, 1, Absolute(1, TxDefaultProfile, 0, T0, null, (0, 16)), two);
        set = Install(set, 2, Absolute(2, TxDefaultProfile, 0, T0, null, (0, 16)), two);

        var third = set.Install(0, Absolute(3, ChargePointMaxProfile, 0, T0, null, (0, 40)), T0, 2, null, two);
        Assert.Equal("2 profiles are installed already (MaxChargingProfilesInstalled).", third.Rejection);
        Assert.Same(set, third.Set);

        Assert.True(set.Install(2, Absolute(2, TxDefaultProfile, 0, T0, null, (0, 10)), T0, 2, null, two).Accepted);
    }

    [Fact]
    public void A_tx_profile_without_a_transaction_id_gets_the_running_one_and_goes_when_that_transaction_ends()
    {
        var set = Install(ChargingProfileSet.Empty, 1, Absolute(1, TxProfile, 0, T0, null, (0, 10)));
        Assert.Equal(7, set.Profiles[0].Profile.TransactionId);

        Assert.Empty(set.WithoutTransaction(1, 8).Removed);
        var ended = set.WithoutTransaction(1, 7);
        Assert.Single(ended.Removed);
        Assert.Empty(ended.Set.Profiles);
    }

    [Fact]
    public void Profiles_past_their_valid_to_or_at_the_end_of_an_absolute_schedule_are_removed()
    {
        var set = Install(ChargingProfileSet.Empty, 1, Absolute(1, TxDefaultProfile, 0, T0, null, (0, 16)) with { ValidTo = T0.AddHours(1) });
        set = Install(set, 2, Absolute(2, TxDefaultProfile, 0, T0, 600, (0, 16)));
        set = Install(set, 0, Absolute(3, ChargePointMaxProfile, 0, T0, null, (0, 40)));

        Assert.Empty(set.WithoutEnded(T0.AddSeconds(599)).Removed);
        Assert.Equal([2], set.WithoutEnded(T0.AddSeconds(600)).Removed.Select(p => p.Profile.Id));
        Assert.Equal([1, 2], set.WithoutEnded(T0.AddHours(1)).Removed.Select(p => p.Profile.Id));
    }

    [Fact]
    public void Watts_become_amperes_per_phase_on_the_phases_the_station_is_wired_to()
    {
        var watts = Make(1, TxDefaultProfile, 0, ChargingProfileKind.Absolute, T0, null, ChargingRateUnit.W, (0, 6900));
        var set = Install(ChargingProfileSet.Empty, 1, watts);
        set = Install(set, 2, watts with { Id = 2 });
        set = Install(set, 0, Make(3, ChargePointMaxProfile, 0, ChargingProfileKind.Absolute, T0, null, ChargingRateUnit.W, (0, 13800)));

        Assert.Equal(10, set.LimitAt(1, T0, Context)!.Value.LimitA, 6); // 6,900 W / (230 V × 3)
        Assert.Equal(20, set.LimitAt(0, T0, Context)!.Value.LimitA, 6); // 13,800 W / (230 V × 3) per phase for the site
        Assert.Equal(20, set.LimitAt(2, T0, Context)!.Value.LimitA, 6); // single-phase: min(6,900 W / 230 V = 30 A, 20 A)
        Assert.Equal(ChargePointMaxProfile, set.LimitAt(2, T0, Context)!.Value.BoundBy);
    }

    [Fact]
    public void The_min_charging_rate_of_the_transaction_level_profile_is_the_minimum_but_never_above_the_limit()
    {
        var profile = Absolute(1, TxDefaultProfile, 0, T0, null, (0, 16), (60, 8));
        profile = profile with { Schedule = profile.Schedule with { MinChargingRate = 10 } };
        var set = Install(ChargingProfileSet.Empty, 1, profile);

        Assert.Equal(new ConnectorLimit(16, 10, TxDefaultProfile), set.LimitAt(1, T0, Context));
        Assert.Equal(new ConnectorLimit(8, 8, TxDefaultProfile), set.LimitAt(1, T0.AddSeconds(60), Context));
    }

    [Fact]
    public void A_connector_default_overrides_the_network_default_only_on_its_connector()
    {
        var set = Install(ChargingProfileSet.Empty, 0, Absolute(1, TxDefaultProfile, 5, T0, null, (0, 20)));
        set = Install(set, 1, Absolute(2, TxDefaultProfile, 0, T0, null, (0, 25)));

        Assert.Equal(25, set.LimitAt(1, T0, Context)!.Value.LimitA);
        Assert.Equal(20, set.LimitAt(2, T0, Context)!.Value.LimitA);
        Assert.Equal(20, set.LimitAt(0, T0, Context)!.Value.LimitA);
    }

    [Fact]
    public void Nothing_installed_limits_nothing()
    {
        Assert.Null(ChargingProfileSet.Empty.LimitAt(1, T0, Context));
        Assert.Null(ChargingProfileSet.Empty.NextChangeAfter(T0, Context));
    }
}
