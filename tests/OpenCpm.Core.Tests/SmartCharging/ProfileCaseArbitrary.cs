using FsCheck;
using FsCheck.Fluent;
using OpenCpm.Core.SmartCharging;
using static OpenCpm.Core.SmartCharging.ChargingProfilePurpose;

namespace OpenCpm.Core.Tests.SmartCharging;

/// <summary>
/// FsCheck generators of <see cref="ProfileCase"/>: any purpose, kind (Absolute, daily or weekly Recurring, Relative),
/// stack level, duration, validity window and unit. <see cref="WholeSeconds"/> puts every instant on a whole second;
/// <see cref="AnyInstant"/> adds milliseconds; <see cref="OnePerPurpose"/> installs at most one ChargePointMaxProfile,
/// one TxDefaultProfile and one TxProfile (on connector 1), so which profiles apply is plain.
/// </summary>
public static class ProfileCaseArbitrary
{
    private static readonly DateTimeOffset T0 = Profiles.T0;

    public static Arbitrary<ProfileCase> WholeSeconds() => CaseGen(fractional: false, onePerPurpose: false).ToArbitrary();

    public static Arbitrary<ProfileCase> AnyInstant() => CaseGen(fractional: true, onePerPurpose: false).ToArbitrary();

    public static Arbitrary<ProfileCase> OnePerPurpose() => CaseGen(fractional: true, onePerPurpose: true).ToArbitrary();

    private static Gen<ProfileCase> CaseGen(bool fractional, bool onePerPurpose) =>
        from slots in onePerPurpose ? OneEachGen : Gen.ListOf(SlotGen).Select(l => l.Take(6).ToList())
        from drawn in Gen.ArrayOf(ProfileGen(fractional), slots.Count)
        let profiles = slots.Select((slot, k) => (slot.Connector, drawn[k] with { Id = k + 1, Purpose = slot.Purpose })).ToList()
        from installedS in Gen.ArrayOf(Gen.Choose(-7200, 0), slots.Count)
        from phases in Gen.Elements(1, 3, 3)
        from txStartS in Gen.Choose(-7200, 600)
        from startS in Gen.Choose(-3600, 3600)
        from durationS in Gen.Elements(600, 3600, 86400, 3 * 86400)
        from ms in Gen.Choose(0, 999)
        let installs = profiles.Select((p, k) => (p.Connector, p.Item2, Instant(installedS[k], fractional ? (ms * (k + 1)) % 1000 : 0))).ToList()
        let context = new SmartChargingContext
        {
            NominalVoltageV = 230,
            PhasesByConnector = new Dictionary<int, int> { [1] = phases, [2] = 3 },
            Transactions = new Dictionary<int, ChargingTransaction> { [1] = new(99, Instant(txStartS, fractional ? ms : 0)) },
        }
        select new ProfileCase(installs, context, Instant(startS, 0), durationS);

    private static readonly Gen<(int Connector, ChargingProfilePurpose Purpose)> SlotGen = Gen.Elements(
        (0, ChargePointMaxProfile), (0, TxDefaultProfile), (1, TxDefaultProfile), (1, TxProfile), (2, TxDefaultProfile));

    private static readonly Gen<List<(int Connector, ChargingProfilePurpose Purpose)>> OneEachGen =
        from max in Gen.Elements(true, false)
        from txDefault in Gen.Elements(true, false)
        from tx in Gen.Elements(true, false)
        select new[] { (max, (0, ChargePointMaxProfile)), (txDefault, (1, TxDefaultProfile)), (tx, (1, TxProfile)) }.Where(s => s.Item1).Select(s => s.Item2).ToList();

    private static Gen<ChargingProfile> ProfileGen(bool fractional) =>
        from stack in Gen.Choose(0, 3)
        from kind in Gen.Elements(ChargingProfileKind.Absolute, ChargingProfileKind.Absolute, ChargingProfileKind.Recurring, ChargingProfileKind.Relative)
        from recurrency in Gen.Elements(RecurrencyKind.Daily, RecurrencyKind.Daily, RecurrencyKind.Weekly)
        from hasStart in Gen.Elements(true, true, false)
        from startS in Gen.Choose(-2 * 86400, 3600)
        from duration in Gen.Elements<int?>(null, null, 300, 1800, 7200, 20 * 3600)
        from unit in Gen.Elements(ChargingRateUnit.A, ChargingRateUnit.A, ChargingRateUnit.W)
        from steps in Gen.NonEmptyListOf(Gen.Choose(30, 3600)).Select(l => l.Take(5).ToList())
        from limits in Gen.ArrayOf(Gen.Elements(0.0, 6, 8, 10, 13.5, 16, 20, 32, 63), steps.Count)
        from validity in Gen.Elements(0, 0, 1, 2, 3)
        from validFromS in Gen.Choose(-3600, 7200)
        from validLengthS in Gen.Choose(60, 86400)
        from ms in Gen.Choose(0, 999)
        let startPeriods = steps.Select((_, k) => steps.Take(k).Sum()).ToList()
        select new ChargingProfile
        {
            Id = 0,
            StackLevel = stack,
            Purpose = TxDefaultProfile,
            Kind = kind,
            Recurrency = kind == ChargingProfileKind.Recurring ? recurrency : null,
            ValidFrom = (validity & 1) != 0 ? Instant(validFromS, fractional ? ms : 0) : null,
            ValidTo = (validity & 2) != 0 ? Instant(validFromS + validLengthS, 0) : null,
            Schedule = new ChargingSchedule
            {
                Unit = unit,
                StartSchedule = hasStart || kind == ChargingProfileKind.Recurring ? Instant(startS, fractional ? 1000 - ms : 0) : null,
                DurationS = duration,
                Periods = [.. startPeriods.Select((s, k) => new ChargingSchedulePeriod(s, unit == ChargingRateUnit.W ? limits[k] * 690 : limits[k]))],
            },
        };

    private static DateTimeOffset Instant(int seconds, int milliseconds) => T0.AddSeconds(seconds).AddMilliseconds(milliseconds % 1000);
}
