using System.Collections.Immutable;
using System.Globalization;
using OpenCpm.Core.SmartCharging;
using OpenCpm.Data;
using OpenCpm.Live;
using OpenCpm.Settings;

namespace OpenCpm.SmartCharging;

/// <summary>
/// The backend's charging profiles (docs/smart-charging.md): installs and clears them (stored before they are
/// acknowledged, loaded again at start), knows the transaction running on each connector, and publishes what they
/// allow right now (<see cref="Limits"/>) for the control loop: at every change of a profile, a transaction or the
/// site, and at each period boundary by a timer due exactly then. Profiles past their end are removed, TxProfiles
/// when their transaction ends. The OCPP handlers and the REST API call it; it never talks to the backend itself.
/// </summary>
internal sealed partial class SmartChargingService(
    ChargingProfileStore store,
    SettingsService settings,
    EventLog events,
    SmartChargingConfiguration configuration,
    TimeProvider time,
    ILogger<SmartChargingService> logger) : IHostedLifecycleService, IDisposable
{
    public const string EventSource = "ocpp";

    private readonly SemaphoreSlim _writes = new(1, 1);
    private readonly Lock _lock = new();
    private ChargingProfileSet _profiles = ChargingProfileSet.Empty;
    private ImmutableDictionary<int, ChargingTransaction> _transactions = ImmutableDictionary<int, ChargingTransaction>.Empty;
    private ConnectorMap _map = new(SiteConfiguration.Empty);
    private ITimer? _timer;
    private IDisposable? _settingsChanges;
    private int _pruning;

    /// <summary>What the profiles allow right now; republished at each change.</summary>
    public LiveValue<ProfileLimits> Limits { get; } = new(ProfileLimits.None);

    /// <summary>The capabilities announced to the backend (the SmartCharging configuration keys).</summary>
    public SmartChargingConfiguration Configuration => configuration;

    public ChargingProfileSet Profiles
    {
        get
        {
            lock (_lock)
            {
                return _profiles;
            }
        }
    }

    public ConnectorMap Connectors
    {
        get
        {
            lock (_lock)
            {
                return _map;
            }
        }
    }

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var loaded = new ChargingProfileSet(await store.LoadAsync(cancellationToken));
        var ended = loaded.WithoutEnded(time.GetUtcNow());
        if (ended.Removed.Count > 0)
        {
            await store.SaveAsync(ended.Removed, null, cancellationToken);
            SmartChargingLog.Removed(logger, Ids(ended.Removed), "ended while the controller was stopped");
        }

        lock (_lock)
        {
            _profiles = ended.Set;
            _map = new ConnectorMap(settings.Current.Site);
        }

        _timer = time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _settingsChanges = settings.Changes.Subscribe(change =>
        {
            if (change.Area is SettingsChange.SiteArea or SettingsChange.LoadedArea)
            {
                lock (_lock)
                {
                    _map = new ConnectorMap(change.After.Site);
                }

                Refresh();
            }
        });
        Refresh();
    }

    /// <summary>
    /// SetChargingProfile: installs <paramref name="profile"/> on <paramref name="connectorId"/> if the rules allow it
    /// (<see cref="ChargingProfileSet.Install"/>), stored before this returns.
    /// </summary>
    public async Task<ProfileInstallResult> SetAsync(int connectorId, ChargingProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        await _writes.WaitAsync(cancellationToken);
        try
        {
            var result = Profiles.Install(connectorId, profile, Now(), Connectors.Count, TransactionOn(connectorId), configuration);
            if (!result.Accepted)
            {
                SmartChargingLog.Refused(logger, profile.Id, connectorId, result.Rejection!);
                return result;
            }

            await store.SaveAsync(result.Replaced, result.Installed, cancellationToken);
            lock (_lock)
            {
                _profiles = result.Set;
            }

            Refresh();
            SmartChargingLog.Installed(logger, profile.Id, profile.Purpose.ToString(), profile.StackLevel, connectorId);
            await events.InfoAsync(EventSource, string.Create(CultureInfo.InvariantCulture,
                $"The backend installed charging profile {profile.Id} ({profile.Purpose}, stack level {profile.StackLevel}) on {Where(connectorId)}."), cancellationToken);
            return result;
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <summary>ClearChargingProfile: removes what <paramref name="filter"/> matches; returns what was removed (empty = Unknown).</summary>
    public async Task<IReadOnlyList<InstalledChargingProfile>> ClearAsync(ChargingProfileFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var removed = await RemoveAsync(set => set.Clear(filter), "cleared by the backend", cancellationToken);
        if (removed.Count > 0)
        {
            await events.InfoAsync(EventSource, $"The backend cleared charging profile(s) {Ids(removed)}.", cancellationToken);
        }

        return removed;
    }

    /// <summary>GetCompositeSchedule from now for <paramref name="durationS"/> seconds; null when the connector is unknown.</summary>
    public CompositeSchedule? Composite(int connectorId, int durationS, ChargingRateUnit? unit)
    {
        var map = Connectors;
        if (connectorId < 0 || connectorId > map.Count)
        {
            return null;
        }

        // Periods count in whole seconds from a whole second.
        var now = Now();
        var start = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        return Profiles.Composite(connectorId, start, durationS, unit, map.LocalLimitA(connectorId), Context());
    }

    /// <summary>A transaction started on <paramref name="connectorId"/> (the OCPP link knows its id): TxProfiles may now be set for it.</summary>
    public void TransactionStarted(int connectorId, int transactionId, DateTimeOffset startedAt)
    {
        lock (_lock)
        {
            _transactions = _transactions.SetItem(connectorId, new ChargingTransaction(transactionId, startedAt));
        }

        Refresh();
        InstallRemoteStartProfile(connectorId, transactionId);
    }

    /// <summary>The transaction on <paramref name="connectorId"/> ended: its TxProfiles are removed.</summary>
    public async Task TransactionEndedAsync(int connectorId, int transactionId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_transactions.TryGetValue(connectorId, out var running) && running.TransactionId == transactionId)
            {
                _transactions = _transactions.Remove(connectorId);
            }
        }

        await RemoveAsync(set => set.WithoutTransaction(connectorId, transactionId), $"transaction {transactionId} ended", cancellationToken);
        Refresh();
    }

    public ChargingTransaction? TransactionOn(int connectorId)
    {
        lock (_lock)
        {
            return _transactions.GetValueOrDefault(connectorId);
        }
    }

    /// <summary>The limits in force at <paramref name="now"/>: the published ones, or fresh ones if a boundary has passed unnoticed.</summary>
    public ProfileLimits LimitsAt(DateTimeOffset now)
    {
        var current = Limits.Current;
        if (current.NextChangeAt is { } next && next <= now)
        {
            Refresh();
            current = Limits.Current;
        }

        return current;
    }

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        _settingsChanges?.Dispose();
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _settingsChanges?.Dispose();
        _timer?.Dispose();
        _writes.Dispose();
    }

    private void OnTimer()
    {
        try
        {
            Refresh();
        }
        catch (Exception ex)
        {
            SmartChargingLog.RefreshFailed(logger, ex);
        }
    }

    /// <summary>Computes the limits at this instant, publishes them when they changed, and sets the timer to the next change.</summary>
    private void Refresh()
    {
        var now = Now();
        lock (_lock)
        {
            var context = ContextUnlocked();
            var profiles = _profiles;
            var limits = ProfileLimits.None;
            if (profiles.Profiles.Count > 0)
            {
                var byChargePoint = ImmutableDictionary.CreateBuilder<string, ConnectorLimit>(StringComparer.Ordinal);
                for (var connector = 1; connector <= _map.Count; connector++)
                {
                    if (profiles.LimitAt(connector, now, context) is { } limit)
                    {
                        byChargePoint[_map.ChargePointAt(connector)!.Id] = limit;
                    }
                }

                limits = new ProfileLimits(now, profiles.NextChangeAfter(now, context), profiles.LimitAt(0, now, context), byChargePoint.ToImmutable());
            }

            var previous = Limits.Current;
            if (previous.Site != limits.Site || previous.NextChangeAt != limits.NextChangeAt || !SameLimits(previous.ByChargePoint, limits.ByChargePoint))
            {
                Limits.Publish(limits);
                SmartChargingLog.LimitsChanged(logger, now, limits.Site?.LimitA, limits.ByChargePoint.Count, limits.NextChangeAt);
            }

            _timer?.Change(limits.NextChangeAt is { } next ? Max(next - now, TimeSpan.Zero) : Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            if (profiles.Profiles.Any(p => ChargingProfileTimeline.HasEnded(p, now)) && Interlocked.Exchange(ref _pruning, 1) == 0)
            {
                _ = PruneAsync();
            }
        }
    }

    private async Task PruneAsync()
    {
        try
        {
            await RemoveAsync(set => set.WithoutEnded(Now()), "ended", CancellationToken.None);
        }
        catch (Exception ex)
        {
            SmartChargingLog.RefreshFailed(logger, ex);
        }
        finally
        {
            Volatile.Write(ref _pruning, 0);
        }
    }

    private async Task<IReadOnlyList<InstalledChargingProfile>> RemoveAsync(Func<ChargingProfileSet, ProfileRemoval> remove, string why, CancellationToken cancellationToken)
    {
        await _writes.WaitAsync(cancellationToken);
        try
        {
            var removal = remove(Profiles);
            if (removal.Removed.Count == 0)
            {
                return [];
            }

            await store.SaveAsync(removal.Removed, null, cancellationToken);
            lock (_lock)
            {
                _profiles = removal.Set;
            }

            SmartChargingLog.Removed(logger, Ids(removal.Removed), why);
            Refresh();
            return removal.Removed;
        }
        finally
        {
            _writes.Release();
        }
    }

    private SmartChargingContext Context()
    {
        lock (_lock)
        {
            return ContextUnlocked();
        }
    }

    private SmartChargingContext ContextUnlocked() => new()
    {
        NominalVoltageV = _map.Site.NominalVoltageV,
        PhasesByConnector = _map.PhasesByConnector,
        Transactions = _transactions,
    };

    private DateTimeOffset Now() => time.GetUtcNow();

    private string Where(int connectorId) => connectorId == 0
        ? "connector 0 (the whole network)"
        : string.Create(CultureInfo.InvariantCulture, $"connector {connectorId} ({Connectors.ChargePointAt(connectorId)?.Id})");

    private static bool SameLimits(ImmutableDictionary<string, ConnectorLimit> a, ImmutableDictionary<string, ConnectorLimit> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var other) && other == kv.Value);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Ids(IEnumerable<InstalledChargingProfile> profiles) => string.Join(", ", profiles.Select(p => p.Profile.Id));
}
