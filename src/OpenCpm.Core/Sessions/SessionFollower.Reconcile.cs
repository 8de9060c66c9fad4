using System.Globalization;

namespace OpenCpm.Core.Sessions;

public sealed partial class SessionFollower
{
    /// <summary>
    /// The station answers again (or for the first time since the controller started): read its log, unless it keeps
    /// none, then decide with <see cref="FinishReconcile"/>.
    /// </summary>
    private SessionStep Reconcile()
    {
        var deadlinePassed = _state.ReconcileDeadline is { } deadline && _now >= deadline;
        if (!_observation.IdentityKnown && !deadlinePassed)
        {
            return SessionStep.None; // whether it keeps a log is not known yet: try again next time
        }

        if (!_observation.KeepsLog)
        {
            return FinishReconcile(null);
        }

        if (_state.LastLogRead is { } last && _now - last < LogReadSpacing)
        {
            return SessionStep.None;
        }

        _state = _state with { LastLogRead = _now };
        _pending = Pending.ReconcileLog;
        return new SessionStep { Kind = SessionStepKind.ReadLog, AfterStationSessionId = 0 };
    }

    /// <summary>
    /// The same vehicle still plugged → the session goes on; the station's log has the end → the session ends there
    /// (time, energy, reason); unplugged and no record → ended now with the last reading, with a warning.
    /// </summary>
    private SessionStep FinishReconcile(IReadOnlyList<StationSessionRecord>? log)
    {
        var o = _observation;
        var s = _state;
        var session = s.Session!;
        var atStartup = s.ReconcileDeadline is not null;
        var record = log is null ? null : StationHistory.Find(log, session);
        if (log is not null && record is null && !o.VehiclePlugged && s.ReconcileAttempts < MissingRecordRetries)
        {
            // A lost reply also ends the log early: read it once more before concluding it has no record.
            _state = s with { ReconcileAttempts = s.ReconcileAttempts + 1 };
            return SessionStep.None;
        }

        var why = atStartup ? "while the controller was down" : "while the station was unreachable";
        if (o.VehiclePlugged && record?.EndReason is not StopReason.EVDisconnected)
        {
            return GoOn(record, atStartup);
        }

        if (record is { Ended: true })
        {
            var end = Clamp(record.EndedAt ?? _now, session.Start, _now);
            var reason = record.EndReason!.Value;
            var meterEndWh = StationHistory.MeterEndWh(record, session);
            var when = record.EndedAt is null
                ? "the station keeps no clock, so the end time is when the controller found out"
                : string.Create(CultureInfo.InvariantCulture, $"at {end:yyyy-MM-dd HH:mm:ss} UTC");
            return Close(end, meterEndWh, reason, string.Create(CultureInfo.InvariantCulture,
                $"Session {session.Id} at charge point \"{ChargePointId}\" ended {why} ({when}); its end, energy ({Math.Max(0, meterEndWh - session.MeterStartWh):0.#} Wh) and stop reason ({reason}) were recovered from the station's log."));
        }

        // The vehicle is gone and the station's log can't say when (no log, e.g. it restarted, or no such record).
        var lastWh = Math.Max(s.LatestWh, session.MeterEndWh ?? session.MeterStartWh);
        return Close(_now, lastWh, StopReason.EVDisconnected, string.Create(CultureInfo.InvariantCulture,
            $"Session {session.Id} at charge point \"{ChargePointId}\" ended {why}: the vehicle is no longer plugged in but the station's log has no record of the session, so the end time is when the controller found out and the energy ({Math.Max(0, lastWh - session.MeterStartWh):0.#} Wh) is the last reading it saved."),
            warning: true);
    }

    /// <summary>The same vehicle is still plugged in: the session is followed again from the station's reading.</summary>
    private SessionStep GoOn(StationSessionRecord? record, bool atStartup)
    {
        var o = _observation;
        var session = _state.Session!;
        var reading = Math.Max(o.ReadingWh(session.MeterStartWh), _state.LatestWh);
        _state = _state with
        {
            ReconcilePending = false,
            ReconcileDeadline = null,
            ReconcileAttempts = 0,
            OfflineSince = null,
            StationSessionId = record is { Ended: false } ? record.SessionId : null,
            StoppedAtStation = record is { EndReason: StopReason.Local },
            WasAuthorized = o.Authorized,
            LastState = o.State,
            LastPersistedAt = _now,
            LastPluggedSeenAt = _now,
            LatestWh = reading,
        };
        if (reading > (session.MeterEndWh ?? session.MeterStartWh))
        {
            _queue.Enqueue((new SessionStep { Kind = SessionStepKind.RecordMeter, MeterWh = reading }, Pending.Storing));
        }

        if (session.IdTag is null && record?.RfidTag is { } tag)
        {
            _queue.Enqueue((new SessionStep { Kind = SessionStepKind.SetCard, IdTag = tag }, Pending.Storing));
        }

        if (atStartup)
        {
            _queue.Enqueue((Note(string.Create(CultureInfo.InvariantCulture,
                $"Session {session.Id} at charge point \"{ChargePointId}\" was still running after the controller restarted (the vehicle is still plugged in); it goes on.")), Pending.Queued));
        }

        return Next();
    }
}
