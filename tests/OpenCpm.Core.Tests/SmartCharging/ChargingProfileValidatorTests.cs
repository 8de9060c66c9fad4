using OpenCpm.Core.SmartCharging;
using static OpenCpm.Core.SmartCharging.ChargingProfilePurpose;
using static OpenCpm.Core.Tests.SmartCharging.Profiles;

namespace OpenCpm.Core.Tests.SmartCharging;

public sealed class ChargingProfileValidatorTests
{
    private static readonly ChargingTransaction Running = new(42, T0);
    private static readonly ChargingProfile Good = Absolute(1, TxDefaultProfile, 0, T0, null, (0, 16));

    private static string? Check(int connectorId, ChargingProfile profile, ChargingTransaction? transaction = null, SmartChargingConfiguration? configuration = null) =>
        ChargingProfileValidator.Check(connectorId, profile, 4, transaction, configuration ?? SmartChargingConfiguration.Default);

    public static TheoryData<int, ChargingProfile, string> Refused => new()
    {
        { 5, Good, "connectorId must be 0 (the network) or a connector 1…4 but was 5." },
        { -1, Good, "connectorId must be 0 (the network) or a connector 1…4 but was -1." },
        { 2, Good with { Purpose = ChargePointMaxProfile }, "a ChargePointMaxProfile is installed on connectorId 0 only, not on 2." },
        { 0, Good with { Purpose = TxProfile }, "a TxProfile is installed on the connector of its transaction, not on connectorId 0." },
        { 3, Good with { Purpose = TxProfile, TransactionId = 42 }, "a TxProfile needs a running transaction but connector 3 has none." },
        { 1, Good with { Purpose = TxProfile, TransactionId = 41 }, "transactionId 41 is not the transaction running on connector 1 (42)." },
        { 1, Good with { StackLevel = 9 }, "stackLevel must be 0…8 (ChargeProfileMaxStackLevel) but was 9." },
        { 1, Good with { StackLevel = -1 }, "stackLevel must be 0…8 (ChargeProfileMaxStackLevel) but was -1." },
        { 1, Good with { Kind = ChargingProfileKind.Recurring }, "a Recurring profile needs a recurrencyKind and a startSchedule." },
        { 1, Good with { ValidFrom = T0, ValidTo = T0 }, "validTo (2026-06-01T12:00:00.0000000+00:00) must be after validFrom (2026-06-01T12:00:00.0000000+00:00)." },
        { 1, Good with { Schedule = Good.Schedule with { Periods = [] } }, "chargingSchedulePeriod must have 1…48 periods (ChargingScheduleMaxPeriods) but had 0." },
        { 1, Good with { Schedule = Good.Schedule with { Periods = [.. Enumerable.Range(0, 49).Select(k => new ChargingSchedulePeriod(k * 60, 16))] } }, "chargingSchedulePeriod must have 1…48 periods (ChargingScheduleMaxPeriods) but had 49." },
        { 1, Absolute(1, TxDefaultProfile, 0, T0, null, (10, 16)), "the first period must start at startPeriod 0 but started at 10." },
        { 1, Absolute(1, TxDefaultProfile, 0, T0, null, (0, 16), (60, 8), (60, 10)), "startPeriod must increase from period to period but period 3 starts at 60 after 60." },
        { 1, Absolute(1, TxDefaultProfile, 0, T0, null, (0, -1)), "limit must be at least 0 but period 1 has -1." },
        { 1, Good with { Schedule = Good.Schedule with { Periods = [new(0, 16, 4)] } }, "numberPhases must be 1…3 but period 1 has 4." },
        { 1, Good with { Schedule = Good.Schedule with { DurationS = -5 } }, "duration must be at least 0 s but was -5." },
        { 1, Good with { Schedule = Good.Schedule with { MinChargingRate = -0.1 } }, "minChargingRate must be at least 0 but was -0.1." },
    };

    [Theory, MemberData(nameof(Refused))]
    public void Refuses_a_profile_that_breaks_a_rule_with_a_sentence_naming_the_field(int connectorId, ChargingProfile profile, string reason) =>
        Assert.Equal(reason, Check(connectorId, profile, connectorId == 1 ? Running : null));

    [Fact]
    public void Accepts_profiles_on_the_connectors_their_purpose_allows()
    {
        Assert.Null(Check(0, Good with { Purpose = ChargePointMaxProfile }));
        Assert.Null(Check(0, Good));
        Assert.Null(Check(4, Good));
        Assert.Null(Check(1, Good with { Purpose = TxProfile, TransactionId = 42 }, Running));
        Assert.Null(Check(1, Good with { Purpose = TxProfile }, Running));
        Assert.Null(Check(1, Good with { StackLevel = 8 }));
    }

    [Fact]
    public void A_unit_the_configuration_does_not_allow_is_refused()
    {
        var currentOnly = new SmartChargingConfiguration { AllowedUnits = [ChargingRateUnit.A] };
        var watts = Good with { Schedule = Good.Schedule with { Unit = ChargingRateUnit.W } };

        Assert.Equal("chargingRateUnit W is not allowed (ChargingScheduleAllowedChargingRateUnit).", Check(1, watts, configuration: currentOnly));
        Assert.Equal("Current", currentOnly.Keys.Single(k => k.Key == SmartChargingConfiguration.AllowedChargingRateUnitKey).Value);
        Assert.Equal("Current,Power", SmartChargingConfiguration.Default.Keys.Single(k => k.Key == SmartChargingConfiguration.AllowedChargingRateUnitKey).Value);
    }
}
