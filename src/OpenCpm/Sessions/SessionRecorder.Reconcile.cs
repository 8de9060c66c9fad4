using System.Globalization;
using OpenCpm.Control;
using OpenCpm.Core.Sessions;
using OpenCpm.Data;
using OpenCpm.Stations;

namespace OpenCpm.Sessions;

/// <summary>Sessions the recorder could not follow (the controller was down, or the station unreachable).</summary>
internal sealed partial class SessionRecorder
{
    /// <summary>
    /// The station answers again: the same vehicle still plugged → the session goes on; the station's log has the
    /// end → the session ends there (time, energy, reason); unplugged and no record → ended now with the last reading.
    /// </summary>
    private async Task ReconcileAsync(SessionTracker tracker, ChargePointSnapshot entry, StationStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var session = tracker.Session!;
        var atStartup = tracker.ReconcileDeadline is not null;
        IReadOnlyList<StationSessionRecord>? history = null;
        if (entry.Driver is { } driver)
        {
            if (driver.Capabilities is null && !(tracker.ReconcileDeadline is { } deadline && now >= deadline))
            {
                return; // identity not read yet: whether it keeps a log is not known; try again next step
            }

            if (driver.Capabilities is { SupportsSessionHistory: true })
            {
                if (tracker.LastHistoryRead is { } last && now - last < HistorySpacing)
                {
                    return;
                }

                history = await driver.ReadSessionHistoryAsync(0, cancellationToken);
                tracker.LastHistoryRead = now;
            }
        }

        var record = history is null ? null : StationHistory.Find(history, session);
        if (history is not null && record is null && !status.VehiclePlugged && tracker.ReconcileAttempts++ < MissingRecordRetries)
        {
            return; // a lost reply also ends the log early: read it once more before concluding it has no record
        }
        var why = atStartup ? "while the controller was down" : "while the station was unreachable";
        var sameVehicle = status.VehiclePlugged && (record is null || record.EndReason is not StopReason.EVDisconnected);
        if (sameVehicle)
        {
            tracker.ReconcilePending = false;
            tracker.ReconcileDeadline = null;
            tracker.ReconcileAttempts = 0;
            tracker.OfflineSince = null;
            tracker.StationSessionId = record is { Ended: false } ? record.SessionId : null;
            tracker.StoppedAtStation = record is { EndReason: StopReason.Local };
            tracker.WasAuthorized = status.Authorized;
            tracker.LastState = status.State;
            tracker.LastPersistedAt = now;
            tracker.LastPluggedSeenAt = now;
            var reading = Math.Max(Reading(status, session.MeterStartWh), tracker.LatestWh);
            tracker.LatestWh = reading;
            _liveWh[session.Id] = reading;
            if (reading > (session.MeterEndWh ?? session.MeterStartWh))
            {
                session = tracker.Session = await sessions.UpdateMeterAsync(session.Id, reading, cancellationToken);
            }

            if (session.IdTag is null && record?.RfidTag is { } tag)
            {
                tracker.Session = await sessions.SetIdTagAsync(session.Id, tag, cancellationToken);
            }

            if (atStartup)
            {
                await events.InfoAsync(
                    EventSource,
                    string.Create(CultureInfo.InvariantCulture,
                        $"Session {session.Id} at charge point \"{session.ChargePoint}\" was still running after the controller restarted (the vehicle is still plugged in); it goes on."),
                    cancellationToken);
            }

            return;
        }

        if (record is { Ended: true })
        {
            var stationEnd = record.EndedAt;
            var end = Clamp(stationEnd ?? now, session.Start, now);
            var reason = record.EndReason!.Value;
            var ended = await sessions.EndAtAsync(session.Id, end, StationHistory.MeterEndWh(record, session), reason, cancellationToken);
            var when = stationEnd is null
                ? "the station keeps no clock, so the end time is when the controller found out"
                : string.Create(CultureInfo.InvariantCulture, $"at {end:yyyy-MM-dd HH:mm:ss} UTC");
            await ForgetAsync(
                tracker,
                ended,
                string.Create(CultureInfo.InvariantCulture,
                    $"Session {ended.Id} at charge point \"{ended.ChargePoint}\" ended {why} ({when}); its end, energy ({ended.EnergyWh:0.#} Wh) and stop reason ({reason}) were recovered from the station's log."),
                EventSeverity.Info,
                cancellationToken);
            return;
        }

        // The vehicle is gone and the station's log can't say when (no log, e.g. it restarted, or no such record).
        var meterEndWh = Math.Max(tracker.LatestWh, session.MeterEndWh ?? session.MeterStartWh);
        var closed = await sessions.EndAsync(session.Id, meterEndWh, StopReason.EVDisconnected, cancellationToken);
        await ForgetAsync(
            tracker,
            closed,
            string.Create(CultureInfo.InvariantCulture,
                $"Session {closed.Id} at charge point \"{closed.ChargePoint}\" ended {why}: the vehicle is no longer plugged in but the station's log has no record of the session, so the end time is when the controller found out and the energy ({closed.EnergyWh:0.#} Wh) is the last reading it saved."),
            EventSeverity.Warning,
            cancellationToken);
    }

    /// <summary>Closes a session the station can't tell about: ended now, with the last reading the controller saw.</summary>
    private async Task CloseWithoutStationAsync(SessionTracker tracker, StopReason reason, string why, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var session = tracker.Session!;
        var meterEndWh = Math.Max(tracker.LatestWh, session.MeterEndWh ?? session.MeterStartWh);
        var closed = await sessions.EndAtAsync(session.Id, Clamp(now, session.Start, now), meterEndWh, reason, cancellationToken);
        await ForgetAsync(
            tracker,
            closed,
            string.Create(CultureInfo.InvariantCulture,
                $"Session {closed.Id} at charge point \"{closed.ChargePoint}\" was closed without its station's data: {why}. The end time is when the controller gave up, the energy ({closed.EnergyWh:0.#} Wh) the last reading it saved, the stop reason {reason}."),
            EventSeverity.Warning,
            cancellationToken);
    }

    private static DateTimeOffset Clamp(DateTimeOffset time, DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        time < notBefore ? notBefore : time > notAfter ? notAfter : time;
}
