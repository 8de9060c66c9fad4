using OpenCpm.Backend;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Data;
using OpenCpm.Meter;
using OpenCpm.Settings;
using OpenCpm.Stations;

namespace OpenCpm.Control;

/// <summary>
/// The control loop (architecture.md): stations and meter → <see cref="Allocator"/> → setpoints, on every relevant
/// event and at least once a second. Reductions are sent and acknowledged before increases (through the Core
/// <see cref="ReductionGate"/>). A failing station or an exception in one cycle never stops the loop: the station
/// shows as offline and its failsafe or last current stays reserved. After every cycle the site is published as an
/// immutable <see cref="SiteSnapshot"/>. Stations are reached only through their <see cref="IStationProtocol"/>.
/// </summary>
internal sealed partial class SiteController(
    SettingsService settings,
    GridMeterPoller meter,
    IEnumerable<IStationProtocol> protocols,
    SiteSnapshots snapshots,
    BackendLinkStatus backend,
    Authorization.ChargingAuthorizer authorizer,
    Maintenance.PowerFailureHold hold,
    SmartCharging.SmartChargingService smartCharging,
    TimeProvider timeProvider,
    ILogger<SiteController> logger) : BackgroundService
{
    private static readonly TimeSpan CycleInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(5);

    private readonly IReadOnlyList<IStationProtocol> _protocols = [.. protocols];
    private readonly WakeableLoop _loop = new(CycleInterval, timeProvider);

    /// <summary>Guards every <see cref="ChargePointControl"/>, the gate and the list (the cycle and the background sends).</summary>
    private readonly Lock _lock = new();
    private readonly ReductionGate _gate = new(timeProvider);
    private IReadOnlyList<ChargePointControl> _controls = [];
    private int _nextKey;
    private Allocator? _allocator;
    private ChargePointDemand[] _demands = [];
    private DateTimeOffset _lastReadingAt;
    private TimeSpan? _meterToSetpoint;
    private long _cycles;
    private volatile bool _reload = true;
    private volatile ChargingPreferences _preferences = ChargingPreferences.Default;
    private volatile AvailabilitySettings _availability = AvailabilitySettings.Default;
    private volatile SettingsProblem? _settingsProblem;
    private readonly VehicleRecollection _vehicles = new();

    /// <summary>Asks for a new cycle now (a station, the meter or a setting changed).</summary>
    public void Wake() => _loop.Wake();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var protocol in _protocols)
        {
            protocol.Start();
        }

        using var settingsChanges = settings.Changes.Subscribe(OnSettingsChanged);
        using var meterChanges = meter.Snapshots.Subscribe(_ => Wake());
        using var backendChanges = backend.Live.Subscribe(_ => Wake());
        using var authorizationChanges = authorizer.States.Subscribe(_ => Wake());
        using var holdChanges = hold.Held.Subscribe(_ => Wake());
        using var profileChanges = smartCharging.Limits.Subscribe(_ => Wake());
        try
        {
            await _loop.RunAsync(StepAsync, ex => ControlLog.CycleFailed(logger, ex), stoppingToken);
        }
        finally
        {
            await StopDriversAsync(_controls);
        }
    }

    private async Task StepAsync(CancellationToken cancellationToken)
    {
        if (_reload)
        {
            _reload = false;
            try
            {
                await ReloadAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Not retried every second: the next change of the settings tries again.
                RefuseSettings($"they could not be read or applied ({ex.Message})");
                throw;
            }
        }

        RunCycle(cancellationToken);
    }

    private void OnSettingsChanged(SettingsChange change)
    {
        if (change.Area == ChargingPreferences.Key || change.Area == SettingsChange.LoadedArea)
        {
            _preferences = change.After.Get<ChargingPreferences>();
            Wake();
        }

        if (change.Area == AvailabilitySettings.Key || change.Area == SettingsChange.LoadedArea)
        {
            _availability = change.After.Get<AvailabilitySettings>();
            Wake();
        }

        if (change.Area is SettingsChange.SiteArea or SettingsChange.LoadedArea || change.Area == MeterSettings.Key)
        {
            _reload = true;
            Wake();
        }
    }

    /// <summary>
    /// Takes the configuration in: the allocator's settings, the meter's, and a driver per charge point. A charge
    /// point whose station is unchanged keeps its driver and state; a replaced driver is stopped before its
    /// replacement starts (both would read the same station's messages).
    /// </summary>
    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var snapshot = await settings.GetAsync(cancellationToken);
        var configuration = snapshot.Site;
        var problems = SiteSettingsValidator.Validate(configuration.Site);
        if (!problems.IsValid)
        {
            // The allocator would refuse them (the same validator): nothing of them is taken in, not even the drivers.
            RefuseSettings(string.Join(" ", problems.Errors));
            return;
        }

        ApplyMeterSettings(snapshot.Get<MeterSettings>(), configuration.Site);

        var previous = _controls.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var kept = new Dictionary<string, ChargePointControl>(StringComparer.Ordinal);
        foreach (var installation in configuration.ChargePoints)
        {
            if (previous.TryGetValue(installation.Id, out var control) && SameStation(control.Installation, installation))
            {
                kept[installation.Id] = control;
            }
        }

        var stale = _controls.Where(c => !kept.ContainsKey(c.Id)).ToList();
        await StopDriversAsync(stale);

        var controls = new List<ChargePointControl>(configuration.ChargePoints.Count);
        foreach (var installation in configuration.ChargePoints)
        {
            if (kept.TryGetValue(installation.Id, out var control))
            {
                lock (_lock)
                {
                    control.Installation = installation;
                }
            }
            else
            {
                control = CreateControl(installation);
                StartDriver(control, cancellationToken);
            }

            controls.Add(control);
        }

        if (_allocator is null)
        {
            _allocator = new Allocator(configuration.Site, timeProvider);
        }
        else
        {
            _allocator.UpdateSettings(configuration.Site);
        }

        lock (_lock)
        {
            foreach (var control in stale)
            {
                _gate.Forget(control.Key);
            }

            _controls = controls;
            _demands = new ChargePointDemand[controls.Count];
        }

        ControlLog.Configured(logger, controls.Count, configuration.Site.MaxCurrentA);
        if (_settingsProblem is not null)
        {
            _settingsProblem = null;
            ControlLog.SettingsAcceptedAgain(logger);
        }
    }

    /// <summary>
    /// The stored settings can't be taken in: say so once per reason, and publish it on the site snapshot at once
    /// (without an allocator no cycle publishes anything), so the status and the operator warnings show it.
    /// </summary>
    private void RefuseSettings(string reason)
    {
        var problem = new SettingsProblem(reason, LastValidKept: _allocator is not null);
        if (problem == _settingsProblem)
        {
            return;
        }

        _settingsProblem = problem;
        ControlLog.SettingsRefused(logger, reason, problem.LastValidKept ? "load management goes on with the last valid settings" : "no station gets a command; each falls back to its failsafe current");
        var current = snapshots.Current;
        snapshots.Live.Publish(current with
        {
            At = timeProvider.GetUtcNow(),
            Meter = meter.Snapshot,
            Controller = current.Controller with { SettingsProblem = problem },
        });
    }

    private void ApplyMeterSettings(MeterSettings m, SiteSettings site)
    {
        var wanted = m.Enabled
            ? new GridMeterSettings
            {
                ProfileId = m.ProfileId,
                Host = m.Host,
                Port = m.Port,
                UnitId = (byte)m.UnitId,
                PollInterval = TimeSpan.FromSeconds(m.PollSeconds),
                MaxCurrentPerPhaseA = site.MaxCurrentA,
                MaxChargingPowerW = site.MaxPowerW,
                FallbackPowerW = site.MeterFallbackPowerW,
            }
            : GridMeterSettings.Disabled;
        if (wanted != meter.Settings)
        {
            try
            {
                meter.ApplySettings(wanted);
            }
            catch (ArgumentException ex)
            {
                ControlLog.MeterSettingsRefused(logger, ex.Message);
            }
        }
    }

    private static bool SameStation(ChargePointInstallation a, ChargePointInstallation b) =>
        a.Driver == b.Driver && a.Address == b.Address && a.Settings.FailsafeCurrentA == b.Settings.FailsafeCurrentA;

    private ChargePointControl CreateControl(ChargePointInstallation installation)
    {
        var key = Interlocked.Increment(ref _nextKey);
        var protocol = _protocols.FirstOrDefault(p => p.Kind == installation.Driver);
        var created = protocol?.CreateDriver(installation) ?? StationDriverResult.None($"no protocol {installation.Driver} is available");
        if (created.Problem is { } problem)
        {
            ControlLog.DriverUnavailable(logger, installation.Id, problem);
        }

        return new ChargePointControl(key, installation, created.Driver, created.Problem);
    }

    private void StartDriver(ChargePointControl control, CancellationToken cancellationToken)
    {
        if (control.Driver is not { } driver)
        {
            return;
        }

        control.Stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        control.StatusSubscription = driver.Status.Subscribe(_ => Wake());
        control.Run = RunDriverAsync(driver, control.Stop.Token);
    }

    private async Task RunDriverAsync(IStationDriver driver, CancellationToken cancellationToken)
    {
        try
        {
            await driver.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            ControlLog.DriverFailed(logger, driver.ChargePointId, ex);
        }
    }

    private static async Task StopDriversAsync(IReadOnlyList<ChargePointControl> controls)
    {
        foreach (var control in controls)
        {
            control.StatusSubscription?.Dispose();
            if (control.Stop is { } stop)
            {
                await stop.CancelAsync();
            }
        }

        foreach (var control in controls)
        {
            await control.Run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            control.Stop?.Dispose();
        }
    }
}
