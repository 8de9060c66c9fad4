using OpenCpm.Authorization;
using OpenCpm.Control;
using OpenCpm.Data;
using OpenCpm.Protocols.Ocpp;
using OpenCpm.Settings;

namespace OpenCpm.Ocpp;

/// <summary>
/// StatusNotification for connector 0 (the network) and every connector (<see cref="ConnectorStatusMapping"/>):
/// after each accepted BootNotification all of them, then each change as soon as the control loop publishes the
/// snapshot that shows it (it subscribes to the live site, it does not poll), held back only by MinimumStatusDuration.
/// After a mere reconnect only what changed meanwhile is sent (OCPP 1.6 §4.9: no replay of old statuses).
/// TriggerMessage StatusNotification sends the current status whether it changed or not.
/// </summary>
internal sealed class StatusReporter(
    CsmsLink link,
    SiteSnapshots site,
    SettingsService settings,
    TransactionTracker tracker,
    ChargingAuthorizer authorizer,
    ChargePointReservations reservations,
    OcppLinkOptions options,
    TimeProvider time,
    ILogger<StatusReporter> logger) : BackgroundService
{
    private readonly WakeableLoop _loop = new(TimeSpan.FromSeconds(1), time);
    private readonly Dictionary<int, ConnectorStatus> _sent = [];
    private readonly Dictionary<int, (ConnectorStatus Status, DateTimeOffset Since)> _seen = [];
    private readonly HashSet<int> _triggered = [];
    private readonly Lock _lock = new();
    private long _sessionNumber;
    private bool _triggeredAll;
    private DateTimeOffset _startedAt;

    /// <summary>TriggerMessage StatusNotification: the current status of <paramref name="connectorId"/> (null: connector 0 and all) is sent again.</summary>
    public void Trigger(int? connectorId)
    {
        lock (_lock)
        {
            if (connectorId is { } id)
            {
                _triggered.Add(id);
            }
            else
            {
                _triggeredAll = true;
            }
        }

        _loop.Wake();
    }

    /// <summary>The status connector <paramref name="connectorId"/> would report now; null when it is not known (yet).</summary>
    public ConnectorStatus? StatusOf(int connectorId) =>
        Current(time.GetUtcNow()).Where(c => c.Connector == connectorId).Select(c => c.Status).FirstOrDefault();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _startedAt = time.GetUtcNow();
        using var siteChanges = site.Live.Subscribe(_ => _loop.Wake());
        using var sessionChanges = link.Session.Subscribe(_ => _loop.Wake());
        using var runningChanges = tracker.Running.Subscribe(_ => _loop.Wake());
        using var finishedChanges = tracker.Finished.Subscribe(_ => _loop.Wake());
        using var authorizationChanges = authorizer.States.Subscribe(_ => _loop.Wake());
        using var settingsChanges = settings.Changes.Subscribe(_ => _loop.Wake());
        using var reservationChanges = reservations.Book.Subscribe(_ => _loop.Wake());
        await _loop.RunAsync(StepAsync, ex => OcppHostLog.StepFailed(logger, "the status reports", ex), stoppingToken);
    }

    private async Task StepAsync(CancellationToken cancellationToken)
    {
        if (link.Session.Current is not { Accepted: true } session || !session.Connection.IsOpen)
        {
            return;
        }

        if (session.Number != _sessionNumber)
        {
            _sessionNumber = session.Number;
            if (session.Booted)
            {
                _sent.Clear();
            }
        }

        var now = time.GetUtcNow();
        var minimum = TimeSpan.FromSeconds(settings.Current.Get<OcppChargePointSettings>().MinimumStatusDurationSeconds);
        HashSet<int> triggered;
        bool all;
        lock (_lock)
        {
            triggered = [.. _triggered];
            all = _triggeredAll;
            _triggered.Clear();
            _triggeredAll = false;
        }

        foreach (var (connector, status) in Current(now))
        {
            var changed = !_sent.TryGetValue(connector, out var sent) || sent != status;
            if (!_seen.TryGetValue(connector, out var seen) || seen.Status != status)
            {
                _seen[connector] = (status, now);
                seen = _seen[connector];
            }

            var force = all || triggered.Contains(connector);
            if (!force && (!changed || (minimum > TimeSpan.Zero && _sent.ContainsKey(connector) && now - seen.Since < minimum)))
            {
                continue;
            }

            try
            {
                await link.CallAsync(status.ToRequest(connector, now), cancellationToken);
                _sent[connector] = status;
            }
            catch (OcppConnectionClosedException)
            {
                return;
            }
            catch (Exception ex) when (ex is TimeoutException or OcppCallErrorException or OcppProtocolException)
            {
                OcppHostLog.CallFailed(logger, "StatusNotification", ex.Message);
            }
        }
    }

    /// <summary>Connector 0 and then every connector whose status is known, in order.</summary>
    private IEnumerable<(int Connector, ConnectorStatus Status)> Current(DateTimeOffset now)
    {
        var snapshot = site.Current;
        var current = settings.Current;
        var availability = current.Get<AvailabilitySettings>();
        var connectors = new OcppConnectors(current.Site);
        var running = tracker.Running.Current;
        var finished = tracker.Finished.Current;
        var states = authorizer.States.Current;
        var withinGrace = now - _startedAt < options.StationGrace;
        yield return (0, ConnectorStatusMapping.Network(availability.NetworkOutOfService));
        for (var connector = 1; connector <= connectors.Count; connector++)
        {
            var id = connectors.ChargePointAt(connector)!.Id;
            if (snapshot.Find(id) is not { } chargePoint)
            {
                continue;
            }

            running.TryGetValue(id, out var transaction);
            var view = new ConnectorView(
                InTransaction: transaction is not null,
                SuspendedByInvalidId: transaction?.SuspendedByInvalidId ?? false,
                Finished: finished.ContainsKey(id),
                OutOfService: availability.IsOutOfService(id),
                AwaitingVehicle: states.TryGetValue(id, out var state) && state is { By: AuthorizedBy.Operator, SeenPlugged: false, AllowsCharging: true },
                WithinGrace: withinGrace,
                Reserved: reservations.HeldAt(connector) is not null);
            if (ConnectorStatusMapping.Of(chargePoint, view) is { } status)
            {
                yield return (connector, status);
            }
        }
    }
}
