using System.Net;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Data;
using OpenCpm.Meter;
using OpenCpm.Protocols.Keba;
using OpenCpm.Stations;

namespace OpenCpm.Control;

/// <summary>
/// The control loop (architecture.md): stations and meter → <see cref="Allocator"/> → setpoints, on every relevant
/// event and at least once a second. Reductions are sent and acknowledged before increases (through the Core
/// <see cref="ReductionGate"/>). A failing station or an exception in one cycle never stops the loop: the station
/// shows as offline and its failsafe or last current stays reserved.
/// </summary>
internal sealed partial class SiteController(
    SettingsStore settings,
    GridMeterPoller meter,
    KebaUdpEndpoint kebaEndpoint,
    ChargePointRegistry registry,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : BackgroundService
{
    private static readonly TimeSpan CycleInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(5);

    private readonly ILogger _logger = loggerFactory.CreateLogger<SiteController>();
    private readonly WakeableLoop _loop = new(CycleInterval, timeProvider);
    private readonly List<(ChargePointEntry Entry, CancellationTokenSource Stop, Task Run)> _running = [];
    private Allocator? _allocator;
    private readonly Lock _gateLock = new();
    private ReductionGate _gate = new(timeProvider);
    private int[] _inFlight = [];
    private DateTimeOffset _lastReadingAt;
    private ChargePointDemand[] _demands = [];
    private volatile bool _reload = true;
    private bool _kebaAvailable;

    /// <summary>Number of completed control cycles (for monitoring and tests).</summary>
    public long Cycles { get; private set; }

    /// <summary>Reductions sent and not yet acknowledged (increases wait for them).</summary>
    public int PendingReductions
    {
        get
        {
            lock (_gateLock)
            {
                return _gate.PendingCount;
            }
        }
    }

    /// <summary>Setpoint commands on their way to stations right now.</summary>
    public int CommandsInFlight => _inFlight.Count(f => Volatile.Read(ref f) == 1);

    /// <summary>Time from the last new meter reading to the setpoints computed from it (inside the process).</summary>
    public TimeSpan? MeterToSetpoint { get; private set; }

    /// <summary>Asks for a new cycle now (a station, the meter or a setting changed).</summary>
    public void Wake() => _loop.Wake();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        StartKebaEndpoint();
        settings.Changed += OnSettingsChanged;
        meter.Changed += OnMeterChanged;
        try
        {
            await _loop.RunAsync(StepAsync, ex => ControlLog.CycleFailed(_logger, ex), stoppingToken);
        }
        finally
        {
            settings.Changed -= OnSettingsChanged;
            meter.Changed -= OnMeterChanged;
            await StopDriversAsync(_running.ToList());
        }
    }

    private async Task StepAsync(CancellationToken cancellationToken)
    {
        if (_reload)
        {
            _reload = false;
            await ReloadAsync(cancellationToken);
        }

        await RunCycleAsync(cancellationToken);
    }

    /// <summary>Binds UDP 7090; if that fails (port taken), KEBA stations show offline and everything else runs.</summary>
    private void StartKebaEndpoint()
    {
        try
        {
            kebaEndpoint.Start();
            _kebaAvailable = true;
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            ControlLog.KebaEndpointUnavailable(_logger, ex.Message);
        }
    }

    private void OnSettingsChanged(object? sender, string key)
    {
        _reload = true;
        Wake();
    }

    private void OnMeterChanged(object? sender, GridMeterSnapshot snapshot) => Wake();

    /// <summary>Reads the configuration: site settings for the allocator, a driver per charge point, the meter.</summary>
    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var site = await settings.GetSiteAsync(cancellationToken);
        var installations = await settings.GetChargePointsAsync(cancellationToken);
        var meterSettings = await settings.GetAsync<MeterSettings>(cancellationToken);

        ApplyMeterSettings(meterSettings, site);

        var previous = _running.ToDictionary(r => r.Entry.Id, StringComparer.Ordinal);
        var entries = new List<ChargePointEntry>(site.ChargePoints.Count);
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cp in site.ChargePoints)
        {
            var installation = installations.FirstOrDefault(i => i.Id == cp.Id) ?? new ChargePointInstallation { Settings = cp };
            if (previous.TryGetValue(cp.Id, out var running) && SameStation(running.Entry.Installation, installation))
            {
                running.Entry.Installation = installation;
                entries.Add(running.Entry);
                keep.Add(cp.Id);
                continue;
            }

            var entry = new ChargePointEntry(installation, CreateDriver(installation));
            entries.Add(entry);
            StartDriver(entry, cancellationToken);
        }

        var stale = _running.Where(r => !keep.Contains(r.Entry.Id) && !entries.Contains(r.Entry)).ToList();
        _running.RemoveAll(stale.Contains);
        await StopDriversAsync(stale);

        if (_allocator is null)
        {
            _allocator = new Allocator(site, timeProvider);
        }
        else
        {
            _allocator.UpdateSettings(site);
        }

        _demands = new ChargePointDemand[entries.Count];
        _inFlight = new int[entries.Count];
        lock (_gateLock)
        {
            _gate = new ReductionGate(timeProvider);
        }
        registry.Replace(entries);
        ControlLog.Configured(_logger, entries.Count, site.MaxCurrentA);
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
                ControlLog.MeterSettingsRefused(_logger, ex.Message);
            }
        }
    }

    private static bool SameStation(ChargePointInstallation a, ChargePointInstallation b) =>
        a.Driver == b.Driver && a.Address == b.Address && a.Settings.FailsafeCurrentA == b.Settings.FailsafeCurrentA;

    private KebaStationDriver? CreateDriver(ChargePointInstallation installation)
    {
        if (installation.Driver != StationDriverKind.Keba || !_kebaAvailable)
        {
            ControlLog.DriverUnavailable(_logger, installation.Id, installation.Driver.ToString());
            return null;
        }

        if (!IPAddress.TryParse(installation.Address, out var address))
        {
            ControlLog.AddressMissing(_logger, installation.Id, installation.Address ?? "");
            return null;
        }

        return new KebaStationDriver(
            new KebaStationDriverOptions
            {
                ChargePointId = installation.Id,
                Address = address,
                FailsafeCurrentA = installation.Settings.FailsafeCurrentA,
            },
            kebaEndpoint,
            timeProvider,
            loggerFactory.CreateLogger<KebaStationDriver>());
    }

    private void StartDriver(ChargePointEntry entry, CancellationToken cancellationToken)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = entry.Driver is null ? Task.CompletedTask : RunDriverAsync(entry.Driver, stop.Token);
        _running.Add((entry, stop, run));
    }

    private async Task RunDriverAsync(IStationDriver driver, CancellationToken cancellationToken)
    {
        var pump = PumpStatusAsync(driver, cancellationToken);
        try
        {
            await driver.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            ControlLog.DriverFailed(_logger, driver.ChargePointId, ex);
        }

        await pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task PumpStatusAsync(IStationDriver driver, CancellationToken cancellationToken)
    {
        await foreach (var _ in driver.StatusChanges.ReadAllAsync(cancellationToken))
        {
            Wake();
        }
    }

    private static async Task StopDriversAsync(List<(ChargePointEntry Entry, CancellationTokenSource Stop, Task Run)> drivers)
    {
        foreach (var (_, stop, _) in drivers)
        {
            await stop.CancelAsync();
        }

        foreach (var (_, stop, run) in drivers)
        {
            await run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            stop.Dispose();
        }
    }
}
