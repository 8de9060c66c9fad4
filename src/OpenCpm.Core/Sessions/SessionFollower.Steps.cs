using System.Globalization;

namespace OpenCpm.Core.Sessions;

public sealed partial class SessionFollower
{
    /// <summary>The vehicle is still plugged: keep the reading, notice a card that ended or renewed the authorization, store every so often.</summary>
    private SessionStep Update()
    {
        var o = _observation;
        var s = _state;
        var session = s.Session!;
        var reading = o.ReadingWh(session.MeterStartWh);
        var authorizedNow = o.Authorized && !s.WasAuthorized;
        s = s with
        {
            LatestWh = reading,
            LastPluggedSeenAt = _now,
            // A card (or a stop command) took the authorization back while the vehicle stayed plugged; a new one undoes it.
            StoppedAtStation = authorizedNow ? false : s.StoppedAtStation || (s.WasAuthorized && !o.Authorized && o.AuthorizationRequired),
            RemoteStopAt = authorizedNow ? null : s.RemoteStopAt,
            WasAuthorized = o.Authorized,
            LogWanted = s.LogWanted || authorizedNow,
        };
        if (o.State != s.LastState || _now - s.LastPersistedAt >= PersistInterval)
        {
            if (reading != (session.MeterEndWh ?? session.MeterStartWh))
            {
                _queue.Enqueue((new SessionStep { Kind = SessionStepKind.RecordMeter, MeterWh = reading }, Pending.Storing));
            }

            s = s with { LastPersistedAt = _now, LastState = o.State };
        }

        _state = s;
        if (session.IdTag is null && o.AuthorizedIdTag is { } authorized)
        {
            _queue.Enqueue((new SessionStep { Kind = SessionStepKind.SetCard, IdTag = authorized }, Pending.Storing));
            return Next();
        }

        if (session.IdTag is null && (s.LogWanted || s.LastLogRead is not { } last || _now - last >= PersistInterval) && SyncLog() is { } read)
        {
            _queue.Enqueue((read, Pending.SyncLog));
        }

        return Next();
    }

    /// <summary>A read of the station's log for the running session's card (and the station's id of it), when the spacing allows.</summary>
    private SessionStep? SyncLog()
    {
        if (!_observation.KeepsLog || _state.Session is null || (_state.LastLogRead is { } last && _now - last < LogReadSpacing))
        {
            return null;
        }

        _state = _state with { LastLogRead = _now, LogWanted = false };
        return new SessionStep { Kind = SessionStepKind.ReadLog, AfterStationSessionId = _state.StationSessionId is { } id ? id - 1 : 0 };
    }

    private SessionStep Synced(IReadOnlyList<StationSessionRecord> log)
    {
        if (_state.Session is not { } session || StationHistory.Find(log, session) is not { Ended: false } record)
        {
            return Next();
        }

        _state = _state with { StationSessionId = record.SessionId };
        if (session.IdTag is null && record.RfidTag is { } tag)
        {
            _queue.Enqueue((new SessionStep { Kind = SessionStepKind.SetCard, IdTag = tag }, Pending.Storing));
        }

        return Next();
    }

    /// <summary>The vehicle left: the end is read from the station's log when it keeps one and the session's record is known.</summary>
    private SessionStep End()
    {
        var session = _state.Session!;
        _endMeterWh = Math.Max(_observation.ReadingWh(session.MeterStartWh), _state.LatestWh);
        if (_observation.KeepsLog && _state.StationSessionId is { } id)
        {
            _pending = Pending.EndLog;
            return new SessionStep { Kind = SessionStepKind.ReadLog, AfterStationSessionId = id - 1 };
        }

        return FinishEnd(null);
    }

    /// <summary>
    /// Ends the session with the station's meter. When the station's log has the end (the vehicle was unplugged), its
    /// time is used (the unplug may have happened while the station was briefly unreachable); a card ending the
    /// authorization before the unplug makes the stop reason Local, the operator's stop Remote.
    /// </summary>
    private SessionStep FinishEnd(StationSessionRecord? logged)
    {
        var s = _state;
        var session = s.Session!;
        var stoppedAtStation = logged is null ? s.StoppedAtStation : logged.EndReason == StopReason.Local;
        var stoppedRemotely = s.RemoteStopAt is { } remoteAt && remoteAt >= session.Start;
        var reason = stoppedRemotely ? s.RemoteStopReason : stoppedAtStation ? StopReason.Local : StopReason.EVDisconnected;
        var end = _now;
        var meterEndWh = _endMeterWh;
        if (logged is { EndReason: StopReason.EVDisconnected, EndedAt: { } stationEnd } && stationEnd >= s.LastPluggedSeenAt - StationHistory.ClockTolerance)
        {
            end = Clamp(stationEnd, session.Start, _now);
            meterEndWh = Math.Max(meterEndWh, StationHistory.MeterEndWh(logged, session));
        }

        var detail = reason switch
        {
            StopReason.Local => " after the station ended the authorization",
            StopReason.Remote => " after the operator stopped the charge",
            StopReason.UnlockCommand => " after the backend unlocked the connector",
            StopReason.SoftReset or StopReason.HardReset => " after the backend reset the controller",
            _ => "",
        };
        return Close(end, meterEndWh, reason, string.Create(CultureInfo.InvariantCulture,
            $"Session {session.Id} at charge point \"{ChargePointId}\" ended: vehicle unplugged{detail}, {Math.Max(0, meterEndWh - session.MeterStartWh):0.#} Wh."));
    }

    private SessionStep Close(DateTimeOffset end, double meterEndWh, StopReason reason, string message, bool warning = false)
    {
        _queue.Clear();
        _pending = Pending.Closing;
        return new SessionStep { Kind = SessionStepKind.Close, At = end, MeterWh = meterEndWh, Reason = reason, Message = message, IsWarning = warning };
    }

    /// <summary>Closes a session the station can't tell about: ended now, with the last reading the controller saw.</summary>
    private SessionStep CloseWithoutStation(StopReason reason, string why)
    {
        var session = _state.Session!;
        var meterEndWh = Math.Max(_state.LatestWh, session.MeterEndWh ?? session.MeterStartWh);
        return Close(Clamp(_now, session.Start, _now), meterEndWh, reason, string.Create(CultureInfo.InvariantCulture,
            $"Session {session.Id} at charge point \"{ChargePointId}\" was closed without its station's data: {why}. The end time is when the controller gave up, the energy ({Math.Max(0, meterEndWh - session.MeterStartWh):0.#} Wh) the last reading it saved, the stop reason {reason}."),
            warning: true);
    }
}
