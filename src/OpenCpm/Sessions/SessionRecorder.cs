using System.Collections.Concurrent;
using System.Globalization;
using OpenCpm.Control;
using OpenCpm.Core.ChargePoints;
using OpenCpm.Core.Sessions;
using OpenCpm.Data;
using OpenCpm.Stations;

namespace OpenCpm.Sessions;

/// <summary>
/// Records charging sessions from what the stations report: one session from plug-in to unplug, with the station's
/// meter at both ends, the card and the stop reason, saved in the <see cref="SessionStore"/> (durable before each
/// step goes on). It follows the <see cref="SiteSnapshots"/> on its own loop (woken by the registry's
/// <c>Changed</c> and every second), so it never slows the control loop. Sessions found active at start-up, and
/// sessions whose station was unreachable, are reconciled with the station's own log before
/// they are followed again; when the station can't tell, the session is closed with what is known and an event says so.
/// A failing database write is logged and retried on the next step.
/// </summary>
internal sealed partial class SessionRecorder(
    SiteSnapshots site,
    SessionStore sessions,
    EventLog events,
    TimeProvider timeProvider,
    ILogger<SessionRecorder> logger) : BackgroundService
{
    /// <summary>The event log source of session events.</summary>
    public const string EventSource = "sessions";

    /// <summary>How often the energy of an active session is saved (also on every state change).</summary>
    public static readonly TimeSpan PersistInterval = TimeSpan.FromSeconds(30);

    /// <summary>How long a session found active at start-up waits for its station before it is closed with what is known.</summary>
    public static readonly TimeSpan StartupReconcileTimeout = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan StepInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>At least this long between two reads of a station's log (a station may refuse identical requests within seconds).</summary>
    private static readonly TimeSpan HistorySpacing = TimeSpan.FromSeconds(10);

    /// <summary>How many more times a station's log is read when it has no record of a session that must have ended.</summary>
    private const int MissingRecordRetries = 1;

    private readonly WakeableLoop _loop = new(StepInterval, timeProvider);
    private readonly Dictionary<string, SessionTracker> _trackers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, double> _liveWh = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _remoteStops = new(StringComparer.Ordinal);

    /// <summary>
    /// The operator stopped the charge at <paramref name="chargePointId"/> through the API (the station accepted):
    /// its running session ends with stop reason Remote, unless the vehicle is authorized again before it leaves.
    /// </summary>
    public void NoteRemoteStop(string chargePointId)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        _remoteStops[chargePointId] = timeProvider.GetUtcNow();
        _loop.Wake();
    }

    /// <summary>
    /// The session with the newest meter reading the recorder has seen (the store is written every
    /// <see cref="PersistInterval"/>); unchanged when it is not active or not followed.
    /// </summary>
    public ChargingSession WithLiveEnergy(ChargingSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.IsActive && _liveWh.TryGetValue(session.Id, out var wh) && wh > (session.MeterEndWh ?? session.MeterStartWh)
            ? session.WithMeterReading(wh)
            : session;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var siteChanges = site.Live.Subscribe(_ => _loop.Wake());
        try
        {
            await LoadActiveAsync(stoppingToken);
            await _loop.RunAsync(StepAsync, ex => SessionRecorderLog.StepFailed(logger, ex), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>The sessions left active by the previous run: each is reconciled with its station before it is followed.</summary>
    private async Task LoadActiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var active = await sessions.ActiveAsync(cancellationToken);
                var now = timeProvider.GetUtcNow();
                foreach (var session in active)
                {
                    var tracker = Tracker(session.ChargePoint);
                    if (tracker.Session is not null)
                    {
                        continue;
                    }

                    tracker.Follow(session, session.MeterEndWh ?? session.MeterStartWh, now);
                    tracker.ReconcilePending = true;
                    tracker.ReconcileDeadline = now + StartupReconcileTimeout;
                    _liveWh[session.Id] = tracker.LatestWh;
                }

                if (active.Count > 0)
                {
                    SessionRecorderLog.Reconciling(logger, active.Count);
                }

                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                SessionRecorderLog.LoadFailed(logger, ex);
                await Task.Delay(RetryDelay, timeProvider, cancellationToken);
            }
        }
    }

    private async Task StepAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in site.Current.ChargePoints)
        {
            present.Add(entry.Id);
            var tracker = Tracker(entry.Id);
            await GuardAsync(tracker, () => FollowAsync(tracker, entry, now, cancellationToken), cancellationToken);
        }

        foreach (var tracker in _trackers.Values.Where(t => t.Session is not null && !present.Contains(t.ChargePointId)).ToList())
        {
            // At start-up the controller may not have loaded the configuration yet: wait for the deadline.
            if (tracker.ReconcileDeadline is { } deadline && now < deadline)
            {
                continue;
            }

            await GuardAsync(
                tracker,
                () => CloseWithoutStationAsync(tracker, StopReason.Other, "its charge point is no longer configured", now, cancellationToken),
                cancellationToken);
        }
    }

    private SessionTracker Tracker(string chargePoint)
    {
        if (!_trackers.TryGetValue(chargePoint, out var tracker))
        {
            tracker = new SessionTracker(chargePoint);
            _trackers.Add(chargePoint, tracker);
        }

        return tracker;
    }

    /// <summary>Runs one charge point's step; a failure (the database) is logged once and the step is retried next time.</summary>
    private async Task GuardAsync(SessionTracker tracker, Func<Task> step, CancellationToken cancellationToken)
    {
        try
        {
            await step();
            if (tracker.Failing)
            {
                tracker.Failing = false;
                SessionRecorderLog.StoreRecovered(logger, tracker.ChargePointId);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            if (!tracker.Failing)
            {
                tracker.Failing = true;
                SessionRecorderLog.StoreFailed(logger, tracker.ChargePointId, ex);
            }
        }
    }

    private async Task FollowAsync(SessionTracker tracker, ChargePointSnapshot entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var status = entry.Status;
        var known = status.Online && status.State != ChargePointState.Offline;
        if (tracker.Session is not null && tracker.ReconcilePending)
        {
            if (known)
            {
                await ReconcileAsync(tracker, entry, status, now, cancellationToken);
            }
            else if (tracker.ReconcileDeadline is { } deadline && now >= deadline)
            {
                await CloseWithoutStationAsync(
                    tracker,
                    StopReason.Other,
                    string.Create(CultureInfo.InvariantCulture, $"the station did not answer within {StartupReconcileTimeout.TotalMinutes:0} minutes after the controller started"),
                    now,
                    cancellationToken);
            }

            return;
        }

        if (!known)
        {
            if (tracker.Session is { } active && tracker.OfflineSince is null)
            {
                // Keep the session: the station may come back. It is reconciled with the station's log then.
                tracker.OfflineSince = now;
                tracker.ReconcilePending = true;
                SessionRecorderLog.WentOffline(logger, tracker.ChargePointId, active.Id);
            }

            return;
        }

        if (tracker.Session is null)
        {
            if (status.VehiclePlugged)
            {
                await StartAsync(tracker, entry, status, now, cancellationToken);
            }

            tracker.LastState = status.State;
            tracker.WasAuthorized = status.Authorized;
            return;
        }

        if (!status.VehiclePlugged)
        {
            await EndAsync(tracker, entry, status, now, cancellationToken);
            return;
        }

        await UpdateAsync(tracker, entry, status, now, cancellationToken);
    }

    /// <summary>The station's meter (E total); for a station without a meter, the start plus the session's energy.</summary>
    private static double Reading(StationStatus status, double meterStartWh) =>
        status.TotalEnergyWh > 0 ? status.TotalEnergyWh : meterStartWh + status.SessionEnergyWh;

    private async Task StartAsync(SessionTracker tracker, ChargePointSnapshot entry, StationStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var meterStartWh = status.TotalEnergyWh;
        if (await sessions.ActiveForAsync(entry.Id, cancellationToken) is { } open)
        {
            // A write we thought had failed went through (or another writer opened one): check it with the station first.
            tracker.Follow(open, open.MeterEndWh ?? open.MeterStartWh, now);
            tracker.ReconcilePending = true;
            return;
        }

        var session = await sessions.StartAsync(entry.Id, idTag: null, meterStartWh, cancellationToken);

        tracker.Follow(session, meterStartWh, now);
        tracker.WasAuthorized = status.Authorized;
        tracker.LastState = status.State;
        tracker.OfflineSince = null;
        _liveWh[session.Id] = meterStartWh;
        SessionRecorderLog.Started(logger, entry.Id, session.Id, meterStartWh);
        await events.InfoAsync(
            EventSource,
            string.Create(CultureInfo.InvariantCulture, $"Session {session.Id} started at charge point \"{entry.Id}\" (vehicle plugged in, meter {meterStartWh:0.#} Wh)."),
            cancellationToken);
        await SyncWithStationLogAsync(tracker, entry, now, cancellationToken);
    }

    private async Task UpdateAsync(SessionTracker tracker, ChargePointSnapshot entry, StationStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var session = tracker.Session!;
        var reading = Reading(status, session.MeterStartWh);
        tracker.LatestWh = reading;
        tracker.LastPluggedSeenAt = now;
        _liveWh[session.Id] = reading;

        var authorizedNow = status.Authorized && !tracker.WasAuthorized;
        if (authorizedNow)
        {
            tracker.StoppedAtStation = false;
            _remoteStops.TryRemove(entry.Id, out _);
        }
        else if (tracker.WasAuthorized && !status.Authorized && status.AuthorizationRequired)
        {
            // The station took the authorization back while the vehicle stayed plugged: a card (or a stop command).
            tracker.StoppedAtStation = true;
        }

        tracker.WasAuthorized = status.Authorized;
        var stateChanged = status.State != tracker.LastState;
        if (stateChanged || now - tracker.LastPersistedAt >= PersistInterval)
        {
            if (reading != (session.MeterEndWh ?? session.MeterStartWh))
            {
                tracker.Session = await sessions.UpdateMeterAsync(session.Id, reading, cancellationToken);
            }

            tracker.LastPersistedAt = now;
            tracker.LastState = status.State;
        }

        tracker.HistoryWanted |= authorizedNow;
        if (tracker.Session!.IdTag is null && (tracker.HistoryWanted || tracker.LastHistoryRead is not { } last || now - last >= PersistInterval))
        {
            await SyncWithStationLogAsync(tracker, entry, now, cancellationToken);
        }
    }

    /// <summary>
    /// The vehicle left: the session ends with the station's meter. When the station's log has the end (the vehicle was unplugged),
    /// its time is used (the unplug may have happened while the station was briefly unreachable); a card ending the authorization before the unplug makes the stop reason Local.
    /// </summary>
    private async Task EndAsync(SessionTracker tracker, ChargePointSnapshot entry, StationStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var session = tracker.Session!;
        var meterEndWh = Math.Max(Reading(status, session.MeterStartWh), tracker.LatestWh);
        var logged = await LoggedEndAsync(tracker, entry, cancellationToken);
        var stoppedAtStation = logged is null ? tracker.StoppedAtStation : logged.EndReason == StopReason.Local;
        var stoppedRemotely = _remoteStops.TryRemove(entry.Id, out var remoteStopAt) && remoteStopAt >= session.Start;
        var reason = stoppedRemotely ? StopReason.Remote : stoppedAtStation ? StopReason.Local : StopReason.EVDisconnected;
        var end = now;
        if (logged is { EndReason: StopReason.EVDisconnected, EndedAt: { } stationEnd }
            && stationEnd >= tracker.LastPluggedSeenAt - StationHistory.ClockTolerance)
        {
            end = Clamp(stationEnd, session.Start, now);
            meterEndWh = Math.Max(meterEndWh, StationHistory.MeterEndWh(logged, session));
        }

        var ended = await sessions.EndAtAsync(session.Id, end, meterEndWh, reason, cancellationToken);
        await ForgetAsync(
            tracker,
            ended,
            string.Create(CultureInfo.InvariantCulture,
                $"Session {ended.Id} at charge point \"{ended.ChargePoint}\" ended: vehicle unplugged{UnplugDetail(reason)}, {ended.EnergyWh:0.#} Wh."),
            EventSeverity.Info,
            cancellationToken);
        tracker.LastState = status.State;
    }

    private static string UnplugDetail(StopReason reason) => reason switch
    {
        StopReason.Local => " after the station ended the authorization",
        StopReason.Remote => " after the operator stopped the charge",
        _ => "",
    };

    /// <summary>
    /// The station's record of its last session under this plug-in, when it has ended; null when the station keeps no
    /// log, its id of the session is not known, or the record is still running.
    /// </summary>
    private static async Task<StationSessionRecord?> LoggedEndAsync(SessionTracker tracker, ChargePointSnapshot entry, CancellationToken cancellationToken)
    {
        if (entry.Driver is not { Capabilities.SupportsSessionHistory: true } driver || tracker.StationSessionId is not { } id)
        {
            return null;
        }

        var history = await driver.ReadSessionHistoryAsync(id - 1, cancellationToken);
        return history.Count > 0 && history[0].Ended ? history[0] : null;
    }

    /// <summary>Reads the running session's card (and the station's id of it) from the station's log.</summary>
    private async Task SyncWithStationLogAsync(SessionTracker tracker, ChargePointSnapshot entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (entry.Driver is not { Capabilities.SupportsSessionHistory: true } driver || tracker.Session is not { } session)
        {
            return;
        }

        if (tracker.LastHistoryRead is { } last && now - last < HistorySpacing)
        {
            return;
        }

        tracker.LastHistoryRead = now;
        tracker.HistoryWanted = false;
        var history = await driver.ReadSessionHistoryAsync(tracker.StationSessionId is { } id ? id - 1 : 0, cancellationToken);
        if (StationHistory.Find(history, session) is not { Ended: false } record)
        {
            return;
        }

        tracker.StationSessionId = record.SessionId;
        if (session.IdTag is null && record.RfidTag is { } tag)
        {
            tracker.Session = await sessions.SetIdTagAsync(session.Id, tag, cancellationToken);
        }
    }

    private async Task ForgetAsync(SessionTracker tracker, ChargingSession ended, string message, EventSeverity severity, CancellationToken cancellationToken)
    {
        _liveWh.TryRemove(ended.Id, out _);
        tracker.Forget();
        tracker.OfflineSince = null;
        SessionRecorderLog.Ended(logger, ended.ChargePoint, ended.Id, ended.StopReason?.ToString() ?? "", ended.EnergyWh);
        await events.WriteAsync(severity, EventSource, message, cancellationToken);
    }
}
