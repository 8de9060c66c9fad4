namespace OpenCpm.Core.Sessions;

/// <summary>
/// Finds the controller's session in a station's own log (the driver reads it) and reads the end the station
/// recorded: used when the controller was down or the station unreachable while a session ended.
/// </summary>
public static class StationHistory
{
    /// <summary>Meter readings are compared with this margin (the station reports tenths of Wh; detection lags a poll).</summary>
    public const double EnergyToleranceWh = 1;

    /// <summary>A station clock may be this far from the controller's.</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The station record of <paramref name="session"/>: the newest one that started before the session's first meter
    /// reading (and, when the station knows the time, not after the session's start), provided it did not end before
    /// the energy the controller already saw. Null when the log has no such record (e.g. it reads zeros after a reboot).
    /// </summary>
    public static StationSessionRecord? Find(IReadOnlyList<StationSessionRecord> newestFirst, ChargingSession session)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        ArgumentNullException.ThrowIfNull(session);
        var seenWh = session.MeterEndWh ?? session.MeterStartWh;
        foreach (var record in newestFirst)
        {
            var startedAfter = record.MeterStartWh > session.MeterStartWh + EnergyToleranceWh
                || (record.StartedAt is { } started && started > session.Start + ClockTolerance);
            if (startedAfter)
            {
                continue;
            }

            var endedBefore = record.Ended
                && ((record.MeterStartWh > 0 && record.MeterStartWh + record.EnergyWh < seenWh - EnergyToleranceWh)
                    || (record.EndedAt is { } ended && ended < session.Start - ClockTolerance));
            return endedBefore ? null : record;
        }

        return null;
    }

    /// <summary>The meter reading at the end of an ended record, on the session's own scale.</summary>
    public static double MeterEndWh(StationSessionRecord record, ChargingSession session)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(session);
        var end = record.MeterStartWh > 0 ? record.MeterStartWh + record.EnergyWh : session.MeterStartWh + record.EnergyWh;
        return Math.Max(end, session.MeterStartWh);
    }
}
