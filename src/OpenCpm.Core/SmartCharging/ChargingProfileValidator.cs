using System.Globalization;

namespace OpenCpm.Core.SmartCharging;

/// <summary>
/// The rules a profile must meet to be installed (OCPP 1.6 §3.13, §5.16 and the SmartCharging configuration keys).
/// Each broken rule is a sentence naming the field and its value; the backend is answered Rejected and the sentence
/// goes to the log.
/// </summary>
public static class ChargingProfileValidator
{
    /// <summary>Null when <paramref name="profile"/> may be installed on <paramref name="connectorId"/>, else why not.</summary>
    /// <param name="connectorId">0 = the whole network, 1…<paramref name="connectorCount"/> = one charge point.</param>
    /// <param name="profile">The profile as received.</param>
    /// <param name="connectorCount">How many connectors (charge points) the site has.</param>
    /// <param name="transaction">The transaction running on the connector, if any.</param>
    /// <param name="configuration">The limits announced to the backend.</param>
    public static string? Check(int connectorId, ChargingProfile profile, int connectorCount, ChargingTransaction? transaction, SmartChargingConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(configuration);
        return CheckTarget(connectorId, profile, connectorCount, transaction)
            ?? CheckProfile(profile, configuration)
            ?? CheckSchedule(profile.Schedule, configuration);
    }

    private static string? CheckTarget(int connectorId, ChargingProfile profile, int connectorCount, ChargingTransaction? transaction)
    {
        if (connectorId < 0 || connectorId > connectorCount)
        {
            return Invariant($"connectorId must be 0 (the network) or a connector 1…{connectorCount} but was {connectorId}.");
        }

        return profile.Purpose switch
        {
            ChargingProfilePurpose.ChargePointMaxProfile when connectorId != 0 =>
                Invariant($"a ChargePointMaxProfile is installed on connectorId 0 only, not on {connectorId}."),
            ChargingProfilePurpose.TxProfile when connectorId == 0 =>
                "a TxProfile is installed on the connector of its transaction, not on connectorId 0.",
            ChargingProfilePurpose.TxProfile when transaction is null =>
                Invariant($"a TxProfile needs a running transaction but connector {connectorId} has none."),
            ChargingProfilePurpose.TxProfile when profile.TransactionId is { } id && id != transaction!.TransactionId =>
                Invariant($"transactionId {id} is not the transaction running on connector {connectorId} ({transaction.TransactionId})."),
            _ => null,
        };
    }

    private static string? CheckProfile(ChargingProfile profile, SmartChargingConfiguration configuration)
    {
        if (profile.StackLevel < 0 || profile.StackLevel > configuration.MaxStackLevel)
        {
            return Invariant($"stackLevel must be 0…{configuration.MaxStackLevel} ({SmartChargingConfiguration.MaxStackLevelKey}) but was {profile.StackLevel}.");
        }

        if (profile.Kind == ChargingProfileKind.Recurring && (profile.Recurrency is null || profile.Schedule.StartSchedule is null))
        {
            return "a Recurring profile needs a recurrencyKind and a startSchedule.";
        }

        if (profile.ValidFrom is { } from && profile.ValidTo is { } to && to <= from)
        {
            return Invariant($"validTo ({to:O}) must be after validFrom ({from:O}).");
        }

        return null;
    }

    private static string? CheckSchedule(ChargingSchedule schedule, SmartChargingConfiguration configuration)
    {
        if (!configuration.AllowedUnits.Contains(schedule.Unit))
        {
            return Invariant($"chargingRateUnit {schedule.Unit} is not allowed ({SmartChargingConfiguration.AllowedChargingRateUnitKey}).");
        }

        var periods = schedule.Periods;
        if (periods.Count == 0 || periods.Count > configuration.MaxPeriods)
        {
            return Invariant($"chargingSchedulePeriod must have 1…{configuration.MaxPeriods} periods ({SmartChargingConfiguration.MaxPeriodsKey}) but had {periods.Count}.");
        }

        if (schedule.DurationS is < 0)
        {
            return Invariant($"duration must be at least 0 s but was {schedule.DurationS}.");
        }

        if (schedule.MinChargingRate is { } min && (!double.IsFinite(min) || min < 0))
        {
            return Invariant($"minChargingRate must be at least 0 but was {min}.");
        }

        for (var k = 0; k < periods.Count; k++)
        {
            var p = periods[k];
            if (k == 0 && p.StartPeriodS != 0)
            {
                return Invariant($"the first period must start at startPeriod 0 but started at {p.StartPeriodS}.");
            }

            if (k > 0 && p.StartPeriodS <= periods[k - 1].StartPeriodS)
            {
                return Invariant($"startPeriod must increase from period to period but period {k + 1} starts at {p.StartPeriodS} after {periods[k - 1].StartPeriodS}.");
            }

            if (!double.IsFinite(p.Limit) || p.Limit < 0)
            {
                return Invariant($"limit must be at least 0 but period {k + 1} has {p.Limit}.");
            }

            if (p.NumberPhases is < 1 or > 3)
            {
                return Invariant($"numberPhases must be 1…3 but period {k + 1} has {p.NumberPhases}.");
            }
        }

        return null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
