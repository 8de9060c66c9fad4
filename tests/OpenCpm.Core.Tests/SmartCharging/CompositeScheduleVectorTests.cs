using OpenCpm.Core.SmartCharging;
using static OpenCpm.Core.SmartCharging.ChargingProfilePurpose;
using static OpenCpm.Core.Tests.SmartCharging.Profiles;

namespace OpenCpm.Core.Tests.SmartCharging;

/// <summary>
/// The composite-schedule vectors of the OCA test cases (ocpp.md §1.11, OCTT 2024-04): the profiles are set at T0,
/// the schedule is asked for x seconds later, so every change shows x seconds earlier. Connector 1 runs a transaction.
/// </summary>
public sealed class CompositeScheduleVectorTests
{
    private const double LocalLimitA = 32;
    private static readonly SmartChargingContext Context = new()
    {
        PhasesByConnector = new Dictionary<int, int> { [1] = 3, [2] = 3 },
        Transactions = new Dictionary<int, ChargingTransaction> { [1] = new(17, T0.AddSeconds(-30)) },
    };

    private static ChargingProfileSet Install(params (int Connector, ChargingProfile Profile)[] profiles)
    {
        var set = ChargingProfileSet.Empty;
        foreach (var (connector, profile) in profiles)
        {
            var result = set.Install(connector, profile, T0, 2, Context.TransactionOn(connector), SmartChargingConfiguration.Default);
            Assert.True(result.Accepted, result.Rejection);
            set = result.Set;
        }

        return set;
    }

    private static string Composite(ChargingProfileSet set, int x, int durationS, int connectorId = 1) =>
        Show(set.Composite(connectorId, T0.AddSeconds(x), durationS, ChargingRateUnit.A, LocalLimitA, Context));

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void TC_066_the_tx_profile_overrides_the_default_and_the_network_maximum_caps_both(int x)
    {
        var set = Install(
            (0, Absolute(1, ChargePointMaxProfile, 0, T0, 86400, (0, 10))),
            (1, Absolute(2, TxDefaultProfile, 0, T0, 300, (0, 6), (60, 10), (120, 8), (180, 15), (260, 8))),
            (1, Absolute(3, TxProfile, 0, T0, 260, (0, 8), (50, 11), (140, 16), (200, 6), (240, 12))));

        Assert.Equal($"0:8, {50 - x}:10, {200 - x}:6, {240 - x}:10", Composite(set, x, 400));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    public void TC_072_a_higher_stack_level_falls_back_to_the_lower_one_when_its_schedule_ends(int x)
    {
        var set = Install(
            (1, Absolute(1, TxDefaultProfile, 0, T0, 400, (0, 6), (100, 8), (200, 10))),
            (1, Absolute(2, TxDefaultProfile, 1, T0, 150, (0, 7), (100, 9))));

        Assert.Equal($"0:7, {100 - x}:9, {150 - x}:8, {200 - x}:10", Composite(set, x, 350));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void TC_067_clearing_by_id_by_purpose_and_stack_level_and_everything(int x)
    {
        var set = Install(
            (1, Absolute(1, TxDefaultProfile, 1, T0, 400, (0, 6), (60, 8), (200, 10))),
            (1, Absolute(2, TxDefaultProfile, 0, T0, null, (0, 7), (100, 9))),
            (0, Absolute(3, ChargePointMaxProfile, 0, T0, null, (0, 11), (200, 12))));
        Assert.Equal($"0:6, {60 - x}:8, {200 - x}:10", Composite(set, x, 400 - x)); // then stack level 0 again (9 A)

        var byId = set.Clear(new ChargingProfileFilter { Id = 1 });
        Assert.Single(byId.Removed);
        Assert.Equal($"0:7, {100 - x}:9", Composite(byId.Set, x, 400));

        var byPurpose = byId.Set.Clear(new ChargingProfileFilter { Purpose = TxDefaultProfile, StackLevel = 0 });
        Assert.Single(byPurpose.Removed);
        Assert.Equal($"0:11, {200 - x}:12", Composite(byPurpose.Set, x, 400));

        var all = byPurpose.Set.Clear(ChargingProfileFilter.All);
        Assert.Single(all.Removed);
        Assert.Equal("0:32", Composite(all.Set, x, 400));
        Assert.Empty(all.Set.Clear(ChargingProfileFilter.All).Removed);
    }

    [Fact]
    public void A_single_profile_in_watts_is_echoed_in_watts_when_no_unit_is_asked_for()
    {
        var set = Install((1, Make(1, TxDefaultProfile, 0, ChargingProfileKind.Absolute, T0, null, ChargingRateUnit.W, (0, 6000))));

        var composite = set.Composite(1, T0, 300, null, LocalLimitA, Context);

        Assert.Equal(ChargingRateUnit.W, composite.Unit);
        Assert.Equal(6000, Assert.Single(composite.Periods).Limit, 6);
    }

    [Fact]
    public void Connector_0_reports_the_network_maximum_and_the_network_default_but_not_a_connectors_profiles()
    {
        var set = Install(
            (0, Absolute(1, ChargePointMaxProfile, 0, T0, null, (0, 40), (100, 25))),
            (0, Absolute(2, TxDefaultProfile, 0, T0, null, (0, 30))),
            (1, Absolute(3, TxProfile, 0, T0, null, (0, 6))));

        Assert.Equal("0:30, 100:25", Composite(set, 0, 200, connectorId: 0));
        Assert.Equal("0:6", Composite(set, 0, 200, connectorId: 1));
        Assert.Equal("0:30, 100:25", Composite(set, 0, 200, connectorId: 2));
    }
}
