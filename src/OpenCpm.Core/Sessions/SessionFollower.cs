using System.Globalization;
using OpenCpm.Core.ChargePoints;

namespace OpenCpm.Core.Sessions;

/// <summary>
/// Follows the charging sessions of one charge point from what its station reports (pure: no I/O, time passed in).
/// A session runs from plug-in to unplug, with the station's meter at both ends, the card and the stop reason. A
/// session found active at start-up, or whose station became unreachable, is reconciled with the station's own log
/// before it is followed again: the same vehicle still plugged goes on; an end the station logged is taken from the
/// log; otherwise it ends with what is known, and a warning says so.
/// <para>
/// The host feeds <see cref="Observe"/> and carries out the <see cref="SessionStep"/>s it returns one at a time,
/// reporting each result (<see cref="Opened"/>, <see cref="Stored"/>, <see cref="Closed"/>, <see cref="LogRead"/>,
/// <see cref="Next"/>), which returns the following step, until <see cref="SessionStepKind.None"/>. When carrying out a
/// step fails, <see cref="Failed"/> puts the follower back as it was before the observation, so the next observation
/// tries again.
/// </para>
/// </summary>
public sealed partial class SessionFollower(string chargePointId)
{
    /// <summary>How often the energy of an active session is stored (also on every state change).</summary>
    public static readonly TimeSpan PersistInterval = TimeSpan.FromSeconds(30);

    /// <summary>How long a session found active at start-up waits for its station before it is closed with what is known.</summary>
    public static readonly TimeSpan StartupReconcileTimeout = TimeSpan.FromMinutes(5);

    /// <summary>At least this long between two reads of a station's log (a station may refuse identical requests within seconds).</summary>
    public static readonly TimeSpan LogReadSpacing = TimeSpan.FromSeconds(10);

    /// <summary>How many more times a station's log is read when it has no record of a session that must have ended.</summary>
    private const int MissingRecordRetries = 1;

    private readonly Queue<(SessionStep Step, Pending Awaits)> _queue = new();
    private FollowerState _state = new();
    private FollowerState _before = new();
    private Pending _pending;
    private StationObservation _observation = new();
    private DateTimeOffset _now;
    private double _endMeterWh;

    private enum Pending
    {
        None,
        Opening,
        Storing,
        Closing,
        SyncLog,
        EndLog,
        ReconcileLog,
        Queued,
    }

    public string ChargePointId { get; } = chargePointId;

    /// <summary>The active session as stored (null when none).</summary>
    public ChargingSession? Session => _state.Session;

    /// <summary>The newest meter reading seen for the active session (may be newer than the stored one).</summary>
    public double LatestWh => _state.LatestWh;

    /// <summary>True while the active session waits to be reconciled with its station.</summary>
    public bool Reconciling => _state.ReconcilePending;

    /// <summary>
    /// An active session found in the store (at start-up, or one a write we thought had failed did create): it is
    /// reconciled with the station before it is followed; at start-up the station has <see cref="StartupReconcileTimeout"/> to answer.
    /// </summary>
    public void Resume(ChargingSession session, DateTimeOffset now, bool atStartup)
    {
        ArgumentNullException.ThrowIfNull(session);
        _state = _state.Follow(session, session.MeterEndWh ?? session.MeterStartWh, now) with
        {
            ReconcilePending = true,
            ReconcileDeadline = atStartup ? now + StartupReconcileTimeout : null,
        };
        _before = _state;
    }

    /// <summary>
    /// The operator or the backend stopped the charge (the station accepted): the running session ends with
    /// <paramref name="reason"/> (Remote unless the backend's Reset or UnlockConnector gave another).
    /// </summary>
    public void RemoteStop(DateTimeOffset at, StopReason reason = StopReason.Remote) => _state = _state with { RemoteStopAt = at, RemoteStopReason = reason };

    /// <summary>The first step for what the station reports now.</summary>
    public SessionStep Observe(StationObservation observation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(observation);
        _before = _state;
        _observation = observation;
        _now = now;
        _queue.Clear();
        _pending = Pending.None;
        var known = observation.Reachable && observation.State != ChargePointState.Offline;
        var s = _state;
        if (s.Session is not null && s.ReconcilePending)
        {
            if (known)
            {
                return Reconcile();
            }

            return s.ReconcileDeadline is { } deadline && now >= deadline
                ? CloseWithoutStation(StopReason.Other, string.Create(CultureInfo.InvariantCulture,
                    $"the station did not answer within {StartupReconcileTimeout.TotalMinutes:0} minutes after the controller started"))
                : SessionStep.None;
        }

        if (!known)
        {
            if (s.Session is not null && s.OfflineSince is null)
            {
                // Keep the session: the station may come back. It is reconciled with the station's log then.
                _state = s with { OfflineSince = now, ReconcilePending = true };
                return Queue(new SessionStep { Kind = SessionStepKind.WentOffline }, Pending.Queued);
            }

            return SessionStep.None;
        }

        if (s.Session is null)
        {
            _state = s with { LastState = observation.State, WasAuthorized = observation.Authorized };
            if (!observation.VehiclePlugged)
            {
                return SessionStep.None;
            }

            _pending = Pending.Opening;
            return new SessionStep { Kind = SessionStepKind.Open, MeterWh = observation.TotalEnergyWh };
        }

        return observation.VehiclePlugged ? Update() : End();
    }

    /// <summary>The session asked for by <see cref="SessionStepKind.Open"/> was stored.</summary>
    public SessionStep Opened(ChargingSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        Expect(Pending.Opening);
        _state = _state.Follow(session, session.MeterStartWh, _now) with
        {
            WasAuthorized = _observation.Authorized,
            LastState = _observation.State,
            OfflineSince = null,
        };
        _queue.Enqueue((Note(string.Create(CultureInfo.InvariantCulture,
            $"Session {session.Id} started at charge point \"{ChargePointId}\" (vehicle plugged in, meter {session.MeterStartWh:0.#} Wh).")), Pending.Queued));
        if (SyncLog() is { } read)
        {
            _queue.Enqueue((read, Pending.SyncLog));
        }

        return Next();
    }

    /// <summary>A meter reading or a card was stored: <paramref name="session"/> as it is now.</summary>
    public SessionStep Stored(ChargingSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _state = _state with { Session = session };
        return Next();
    }

    /// <summary>The session asked for by <see cref="SessionStepKind.Close"/> was ended and its event written.</summary>
    public SessionStep Closed()
    {
        Expect(Pending.Closing);
        _state = _state.Forget();
        _queue.Clear();
        return Next();
    }

    /// <summary>The station's log as asked for by <see cref="SessionStepKind.ReadLog"/>, newest first.</summary>
    public SessionStep LogRead(IReadOnlyList<StationSessionRecord> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var pending = _pending;
        _pending = Pending.None;
        return pending switch
        {
            Pending.SyncLog => Synced(log),
            Pending.EndLog => FinishEnd(log.Count > 0 && log[0].Ended ? log[0] : null),
            Pending.ReconcileLog => FinishReconcile(log),
            _ => throw new InvalidOperationException($"Charge point \"{ChargePointId}\": a station log arrived that was not asked for."),
        };
    }

    /// <summary>The step before was carried out (a note written, an outage told): the next one.</summary>
    public SessionStep Next()
    {
        _pending = Pending.None;
        if (_queue.TryDequeue(out var next))
        {
            _pending = next.Awaits;
            return next.Step;
        }

        return SessionStep.None;
    }

    /// <summary>Carrying out the last step failed (the database): everything since the observation is undone, to be tried again.</summary>
    public void Failed()
    {
        _state = _before;
        _queue.Clear();
        _pending = Pending.None;
    }

    /// <summary>
    /// The charge point is no longer configured (or its station can't be asked): once any start-up grace period has
    /// passed, the active session is closed with what is known.
    /// </summary>
    public SessionStep Abandon(string why, DateTimeOffset now)
    {
        _before = _state;
        _now = now;
        _queue.Clear();
        _pending = Pending.None;
        if (_state.Session is null || (_state.ReconcileDeadline is { } deadline && now < deadline))
        {
            return SessionStep.None;
        }

        return CloseWithoutStation(StopReason.Other, why);
    }

    private SessionStep Queue(SessionStep step, Pending awaits)
    {
        _queue.Enqueue((step, awaits));
        return Next();
    }

    private void Expect(Pending pending)
    {
        if (_pending != pending)
        {
            throw new InvalidOperationException($"Charge point \"{ChargePointId}\": the session follower expected {pending} but was at {_pending}.");
        }

        _pending = Pending.None;
    }

    private static SessionStep Note(string message, bool warning = false) =>
        new() { Kind = SessionStepKind.Note, Message = message, IsWarning = warning };

    private static DateTimeOffset Clamp(DateTimeOffset time, DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        time < notBefore ? notBefore : time > notAfter ? notAfter : time;
}
