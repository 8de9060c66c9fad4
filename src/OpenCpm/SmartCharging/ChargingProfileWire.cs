using OpenCpm.Core.SmartCharging;
using V16 = OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.SmartCharging;

/// <summary>Translates charging profiles and composite schedules between the OCPP 1.6 records and Core's model.</summary>
internal static class ChargingProfileWire
{
    public static ChargingProfile ToCore(V16.ChargingProfile wire)
    {
        ArgumentNullException.ThrowIfNull(wire);
        var schedule = wire.ChargingSchedule;
        return new ChargingProfile
        {
            Id = wire.ChargingProfileId,
            TransactionId = wire.TransactionId,
            StackLevel = wire.StackLevel,
            Purpose = ToCore(wire.ChargingProfilePurpose),
            Kind = wire.ChargingProfileKind switch
            {
                V16.ChargingProfileKindType.Recurring => ChargingProfileKind.Recurring,
                V16.ChargingProfileKindType.Relative => ChargingProfileKind.Relative,
                _ => ChargingProfileKind.Absolute,
            },
            Recurrency = wire.RecurrencyKind switch
            {
                V16.RecurrencyKindType.Daily => RecurrencyKind.Daily,
                V16.RecurrencyKindType.Weekly => RecurrencyKind.Weekly,
                _ => null,
            },
            ValidFrom = wire.ValidFrom,
            ValidTo = wire.ValidTo,
            Schedule = new ChargingSchedule
            {
                Unit = ToCore(schedule.ChargingRateUnit),
                Periods = [.. schedule.ChargingSchedulePeriod.Select(p => new ChargingSchedulePeriod(p.StartPeriod, (double)p.Limit, p.NumberPhases))],
                DurationS = schedule.Duration,
                StartSchedule = schedule.StartSchedule,
                MinChargingRate = (double?)schedule.MinChargingRate,
            },
        };
    }

    public static V16.ChargingProfile ToWire(ChargingProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var schedule = profile.Schedule;
        return new V16.ChargingProfile
        {
            ChargingProfileId = profile.Id,
            TransactionId = profile.TransactionId,
            StackLevel = profile.StackLevel,
            ChargingProfilePurpose = ToWire(profile.Purpose),
            ChargingProfileKind = profile.Kind switch
            {
                ChargingProfileKind.Recurring => V16.ChargingProfileKindType.Recurring,
                ChargingProfileKind.Relative => V16.ChargingProfileKindType.Relative,
                _ => V16.ChargingProfileKindType.Absolute,
            },
            RecurrencyKind = profile.Recurrency switch
            {
                RecurrencyKind.Daily => V16.RecurrencyKindType.Daily,
                RecurrencyKind.Weekly => V16.RecurrencyKindType.Weekly,
                _ => null,
            },
            ValidFrom = profile.ValidFrom,
            ValidTo = profile.ValidTo,
            ChargingSchedule = new V16.ChargingSchedule
            {
                Duration = schedule.DurationS,
                StartSchedule = schedule.StartSchedule,
                ChargingRateUnit = ToWire(schedule.Unit),
                ChargingSchedulePeriod = [.. schedule.Periods.Select(p => new V16.ChargingSchedulePeriod { StartPeriod = p.StartPeriodS, Limit = (decimal)p.Limit, NumberPhases = p.NumberPhases })],
                MinChargingRate = (decimal?)schedule.MinChargingRate,
            },
        };
    }

    /// <summary>A composite schedule as GetCompositeSchedule.conf carries it: limits rounded down to the 0.1 the schema allows.</summary>
    public static V16.ChargingSchedule ToWire(CompositeSchedule composite)
    {
        ArgumentNullException.ThrowIfNull(composite);
        return new V16.ChargingSchedule
        {
            Duration = composite.DurationS,
            StartSchedule = composite.Start,
            ChargingRateUnit = ToWire(composite.Unit),
            ChargingSchedulePeriod = [.. composite.Periods.Select(p => new V16.ChargingSchedulePeriod { StartPeriod = p.StartPeriodS, Limit = TenthsDown(p.Limit) })],
        };
    }

    /// <summary>Rounds down to 0.1 (a limit is never shown higher than it is); what is 0.1 but for floating-point noise stays.</summary>
    public static decimal TenthsDown(double value) => (decimal)Math.Floor(Math.Round(value * 10, 6)) / 10;

    public static ChargingProfilePurpose ToCore(V16.ChargingProfilePurposeType purpose) => purpose switch
    {
        V16.ChargingProfilePurposeType.ChargePointMaxProfile => ChargingProfilePurpose.ChargePointMaxProfile,
        V16.ChargingProfilePurposeType.TxProfile => ChargingProfilePurpose.TxProfile,
        _ => ChargingProfilePurpose.TxDefaultProfile,
    };

    public static ChargingRateUnit ToCore(V16.ChargingRateUnitType unit) => unit == V16.ChargingRateUnitType.W ? ChargingRateUnit.W : ChargingRateUnit.A;

    private static V16.ChargingProfilePurposeType ToWire(ChargingProfilePurpose purpose) => purpose switch
    {
        ChargingProfilePurpose.ChargePointMaxProfile => V16.ChargingProfilePurposeType.ChargePointMaxProfile,
        ChargingProfilePurpose.TxProfile => V16.ChargingProfilePurposeType.TxProfile,
        _ => V16.ChargingProfilePurposeType.TxDefaultProfile,
    };

    private static V16.ChargingRateUnitType ToWire(ChargingRateUnit unit) => unit == ChargingRateUnit.W ? V16.ChargingRateUnitType.W : V16.ChargingRateUnitType.A;
}
