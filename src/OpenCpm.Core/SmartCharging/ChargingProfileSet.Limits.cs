namespace OpenCpm.Core.SmartCharging;

public sealed partial class ChargingProfileSet
{
    /// <summary>
    /// What the profiles allow <paramref name="connectorId"/> at <paramref name="at"/>; null = no profile limits it.
    /// Connector 0 (all charging together): the lower of the ChargePointMaxProfile and the connector-0
    /// TxDefaultProfile. Connector N: the lower of the ChargePointMaxProfile and, at transaction level, its TxProfile
    /// while one is installed for the running transaction (even after that schedule ended), else its own
    /// TxDefaultProfile while one is valid, else the connector-0 TxDefaultProfile. Within a purpose the highest stack
    /// level whose schedule is in force wins; a schedule that ended falls back to the next lower level.
    /// </summary>
    public ConnectorLimit? LimitAt(int connectorId, DateTimeOffset at, SmartChargingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var transaction = context.TransactionOn(connectorId);
        var phases = context.PhasesOf(connectorId);
        var max = Top(ChargingProfilePurpose.ChargePointMaxProfile, 0, at, null);
        var txLevel = TransactionLevel(connectorId, at, transaction);

        ConnectorLimit? limit = null;
        if (max is { } m)
        {
            // The network's maximum is per phase of the site, whatever the connector's station is wired to.
            limit = new ConnectorLimit(ToAmps(m.Period.Limit, m.Profile, context, context.PhasesOf(0)), null, ChargingProfilePurpose.ChargePointMaxProfile);
        }

        if (txLevel is { } t)
        {
            var txA = ToAmps(t.Period.Limit, t.Profile, context, phases);
            double? minimumA = t.Profile.Profile.Schedule.MinChargingRate is { } rate ? ToAmps(rate, t.Profile, context, phases) : null;
            var limitA = Math.Min(txA, limit?.LimitA ?? double.PositiveInfinity);
            limit = new ConnectorLimit(limitA, minimumA is { } min ? Math.Min(min, limitA) : null, txA <= limitA ? t.Profile.Profile.Purpose : ChargingProfilePurpose.ChargePointMaxProfile);
        }

        return limit;
    }

    /// <summary>The first instant after <paramref name="after"/> at which any connector's limit may change (a timer's due time); null = never.</summary>
    public DateTimeOffset? NextChangeAfter(DateTimeOffset after, SmartChargingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        DateTimeOffset? next = null;
        foreach (var p in _profiles)
        {
            Earliest(ref next, ChargingProfileTimeline.NextChangeAfter(p, after, context.TransactionOn(p.ConnectorId)));
            if (p.ConnectorId == 0 && p.Profile.Purpose == ChargingProfilePurpose.TxDefaultProfile && p.Profile.Kind == ChargingProfileKind.Relative)
            {
                // A connector-0 default runs from each connector's own transaction start.
                foreach (var transaction in context.Transactions.Values)
                {
                    Earliest(ref next, ChargingProfileTimeline.NextChangeAfter(p, after, transaction));
                }
            }
        }

        return next;
    }

    private (ChargingSchedulePeriod Period, InstalledChargingProfile Profile)? TransactionLevel(int connectorId, DateTimeOffset at, ChargingTransaction? transaction)
    {
        if (connectorId == 0)
        {
            return Top(ChargingProfilePurpose.TxDefaultProfile, 0, at, null);
        }

        if (transaction is not null && _profiles.Any(p => IsTxProfileOf(p, connectorId, transaction) && p.Profile.IsValidAt(at)))
        {
            return Top(ChargingProfilePurpose.TxProfile, connectorId, at, transaction);
        }

        var own = _profiles.Any(p => p.ConnectorId == connectorId && p.Profile.Purpose == ChargingProfilePurpose.TxDefaultProfile && p.Profile.IsValidAt(at));
        return Top(ChargingProfilePurpose.TxDefaultProfile, own ? connectorId : 0, at, transaction);
    }

    /// <summary>The period of the highest stack level of <paramref name="purpose"/> on <paramref name="connectorId"/> in force at <paramref name="at"/>.</summary>
    private (ChargingSchedulePeriod Period, InstalledChargingProfile Profile)? Top(ChargingProfilePurpose purpose, int connectorId, DateTimeOffset at, ChargingTransaction? transaction)
    {
        (ChargingSchedulePeriod Period, InstalledChargingProfile Profile)? best = null;
        foreach (var p in _profiles)
        {
            if (p.ConnectorId != connectorId || p.Profile.Purpose != purpose || (best is { } b && b.Profile.Profile.StackLevel >= p.Profile.StackLevel)
                || (purpose == ChargingProfilePurpose.TxProfile && !IsTxProfileOf(p, connectorId, transaction!)))
            {
                continue;
            }

            if (ChargingProfileTimeline.PeriodAt(p, at, transaction) is { } period)
            {
                best = (period, p);
            }
        }

        return best;
    }

    private static bool IsTxProfileOf(InstalledChargingProfile p, int connectorId, ChargingTransaction transaction) =>
        p.ConnectorId == connectorId && p.Profile.Purpose == ChargingProfilePurpose.TxProfile
        && (p.Profile.TransactionId is null || p.Profile.TransactionId == transaction.TransactionId);

    private static double ToAmps(double limit, InstalledChargingProfile profile, SmartChargingContext context, int phases) =>
        ChargingRateConverter.ToAmps(limit, profile.Profile.Schedule.Unit, context.NominalVoltageV, phases);

    private static void Earliest(ref DateTimeOffset? next, DateTimeOffset? candidate)
    {
        if (candidate is { } c && (next is null || c < next))
        {
            next = c;
        }
    }
}
