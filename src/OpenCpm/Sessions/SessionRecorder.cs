using System.Collections.Concurrent;
using System.Collections.Immutable;
using OpenCpm.Control;
using OpenCpm.Core.Sessions;
using OpenCpm.Data;
using OpenCpm.Live;
using OpenCpm.Stations;

namespace OpenCpm.Sessions;

/// <summary>
/// Records charging sessions: one Core <see cref="SessionFollower"/> per charge point decides, this service only
/// carries its steps out — stores sessions in the <see cref="SessionStore"/> (durable before the next step), reads the
/// station's log through its driver and writes the event log. It follows the <see cref="SiteSnapshots"/> on its own
/// loop (woken by every snapshot and each second), so it never slows the control loop. A failing step (the database,
/// the station's log) is logged once and the observation is tried again on the next step.
/// </summary>
internal sealed class SessionRecorder(
    SiteSnapshots site,
    SessionStore sessions,
    Authorization.ChargingAuthorizer authorizer,
    EventLog events,
    TimeProvider timeProvider,
    ILogger<SessionRecorder> logger) : BackgroundService
{
    /// <summary>The event log source of session events.</summary>
    public const string EventSource = "sessions";

    private static readonly TimeSpan StepInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private readonly WakeableLoop _loop = new(StepInterval, timeProvider);
    private readonly Dictionary<string, SessionFollower> _followers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _failing = new(StringComparer.Ordinal);
    private readonly Lock _publishLock = new();
    private readonly ConcurrentDictionary<long, double> _liveWh = new();
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, StopReason Reason)> _remoteStops = new(StringComparer.Ordinal);

    /// <summary>The active session of each charge point that has one (as stored; published when one opens or ends).</summary>
    public LiveValue<ImmutableDictionary<string, ChargingSession>> Active { get; } = new(ImmutableDictionary<string, ChargingSession>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>
    /// The operator (or the backend) stopped the charge at <paramref name="chargePointId"/> (the station accepted): its
    /// running session ends with <paramref name="reason"/> (Remote, UnlockCommand, SoftReset…), unless the vehicle is
    /// authorized again before it leaves.
    /// </summary>
    public void NoteRemoteStop(string chargePointId, StopReason reason = StopReason.Remote)
    {
        ArgumentNullException.ThrowIfNull(chargePointId);
        _remoteStops[chargePointId] = (timeProvider.GetUtcNow(), reason);
        _loop.Wake();
    }

    /// <summary>
    /// The session with the newest meter reading the recorder has seen (the store is written every
    /// <see cref="SessionFollower.PersistInterval"/>); unchanged when it is not active or not followed.
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
                foreach (var session in active.Where(s => Follower(s.ChargePoint).Session is null))
                {
                    Follower(session.ChargePoint).Resume(session, now, atStartup: true);
                    _liveWh[session.Id] = session.MeterEndWh ?? session.MeterStartWh;
                }

                if (active.Count > 0)
                {
                    SessionRecorderLog.Reconciling(logger, active.Count);
                }

                PublishActive();

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
        var chargePoints = site.Current.ChargePoints;

        // Each charge point's follower on its own: reading one station's session log (up to 31 reports, seconds on a
        // P30) must not hold back a session opening at another.
        // The followers are all made before any runs (PublishActive reads the set while the others go on).
        var followers = chargePoints.Select(c => Follower(c.Id)).ToList();
        var steps = new List<Task>(chargePoints.Count);
        for (var k = 0; k < chargePoints.Count; k++)
        {
            var (chargePoint, follower) = (chargePoints[k], followers[k]);
            if (_remoteStops.TryRemove(chargePoint.Id, out var stopped))
            {
                follower.RemoteStop(stopped.At, stopped.Reason);
            }

            steps.Add(RunAsync(follower, chargePoint.Driver, follower.Observe(ObservationOf(chargePoint), now), cancellationToken));
        }

        await Task.WhenAll(steps);

        var present = chargePoints.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var follower in _followers.Values.Where(f => f.Session is not null && !present.Contains(f.ChargePointId)).ToList())
        {
            // At start-up the configuration may not be loaded yet: Abandon waits for the start-up grace period.
            await RunAsync(follower, null, follower.Abandon("its charge point is no longer configured", now), cancellationToken);
        }

        PublishActive();
    }

    private void PublishActive()
    {
        lock (_publishLock)
        {
            var active = Active.Current;
            var now = _followers.Values.Select(f => (f.ChargePointId, Session: f.Session)).Where(f => f.Session is not null)
                .ToDictionary(f => f.ChargePointId, f => f.Session!, StringComparer.Ordinal);
            if (now.Count != active.Count || now.Any(p => !active.TryGetValue(p.Key, out var s) || s.Id != p.Value.Id || s.IdTag != p.Value.IdTag))
            {
                Active.Publish(now.ToImmutableDictionary(StringComparer.Ordinal));
            }
        }
    }

    private StationObservation ObservationOf(ChargePointSnapshot chargePoint)
    {
        var s = chargePoint.Status;
        return new StationObservation
        {
            Reachable = s.Online,
            VehiclePlugged = s.VehiclePlugged,
            Authorized = s.Authorized,
            AuthorizationRequired = s.AuthorizationRequired,
            State = s.State,
            TotalEnergyWh = s.TotalEnergyWh,
            SessionEnergyWh = s.SessionEnergyWh,
            IdentityKnown = chargePoint.Capabilities is not null,
            KeepsLog = chargePoint.Driver is not null && chargePoint.Capabilities is { SupportsSessionHistory: true },
            AuthorizedIdTag = authorizer.IdTagOf(chargePoint.Id),
        };
    }

    private SessionFollower Follower(string chargePointId)
    {
        if (!_followers.TryGetValue(chargePointId, out var follower))
        {
            follower = new SessionFollower(chargePointId);
            _followers.Add(chargePointId, follower);
        }

        return follower;
    }

    /// <summary>Carries out the follower's steps until it has none; a failure (the database, the station) is logged once and undone.</summary>
    private async Task RunAsync(SessionFollower follower, IStationDriver? driver, SessionStep step, CancellationToken cancellationToken)
    {
        try
        {
            while (step.Kind != SessionStepKind.None)
            {
                step = await CarryOutAsync(follower, driver, step, cancellationToken);
            }

            if (follower.Session is { } active)
            {
                _liveWh[active.Id] = follower.LatestWh;
            }

            if (_failing.TryRemove(follower.ChargePointId, out _))
            {
                SessionRecorderLog.StoreRecovered(logger, follower.ChargePointId);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            follower.Failed();
            if (_failing.TryAdd(follower.ChargePointId, true))
            {
                SessionRecorderLog.StoreFailed(logger, follower.ChargePointId, ex);
            }
        }
    }

    private async Task<SessionStep> CarryOutAsync(SessionFollower follower, IStationDriver? driver, SessionStep step, CancellationToken cancellationToken)
    {
        var chargePoint = follower.ChargePointId;
        switch (step.Kind)
        {
            case SessionStepKind.Open:
                if (await sessions.ActiveForAsync(chargePoint, cancellationToken) is { } open)
                {
                    // A write we thought had failed went through (or another writer opened one): check it with the station first.
                    follower.Failed();
                    follower.Resume(open, timeProvider.GetUtcNow(), atStartup: false);
                    return SessionStep.None;
                }

                var opened = await sessions.StartAsync(chargePoint, idTag: null, step.MeterWh, cancellationToken);
                _liveWh[opened.Id] = opened.MeterStartWh;
                SessionRecorderLog.Started(logger, chargePoint, opened.Id, opened.MeterStartWh);
                var next = follower.Opened(opened);
                PublishActive(); // known at once (the OCPP StartTransaction waits for it): the next step may read the station's log for seconds
                return next;
            case SessionStepKind.RecordMeter:
                return follower.Stored(await sessions.UpdateMeterAsync(follower.Session!.Id, step.MeterWh, cancellationToken));
            case SessionStepKind.SetCard:
                return follower.Stored(await sessions.SetIdTagAsync(follower.Session!.Id, step.IdTag!, cancellationToken));
            case SessionStepKind.ReadLog:
                return follower.LogRead(driver is null ? [] : await driver.ReadSessionHistoryAsync(step.AfterStationSessionId, cancellationToken));
            case SessionStepKind.Close:
                var ended = await sessions.EndAtAsync(follower.Session!.Id, step.At, step.MeterWh, step.Reason, cancellationToken);
                _liveWh.TryRemove(ended.Id, out _);
                SessionRecorderLog.Ended(logger, chargePoint, ended.Id, step.Reason.ToString(), ended.EnergyWh);
                await events.WriteAsync(step.IsWarning ? EventSeverity.Warning : EventSeverity.Info, EventSource, step.Message, cancellationToken);
                return follower.Closed();
            case SessionStepKind.Note:
                await events.WriteAsync(step.IsWarning ? EventSeverity.Warning : EventSeverity.Info, EventSource, step.Message, cancellationToken);
                return follower.Next();
            case SessionStepKind.WentOffline:
                SessionRecorderLog.WentOffline(logger, chargePoint, follower.Session!.Id);
                return follower.Next();
            default:
                throw new InvalidOperationException($"Unknown session step {step.Kind}.");
        }
    }
}
