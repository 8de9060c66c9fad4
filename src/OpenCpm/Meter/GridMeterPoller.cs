using Microsoft.Extensions.Logging.Abstractions;
using OpenCpm.Live;
using OpenCpm.Protocols.Modbus;

namespace OpenCpm.Meter;

/// <summary>
/// Reads the grid meter every poll interval (PeriodicTimer on the injected clock) through its profile and keeps the
/// latest reading and the connection state. Each new reading and each state change is published at once on
/// <see cref="Snapshots"/>. Settings apply at run time.
/// </summary>
internal sealed class GridMeterPoller : BackgroundService
{
    private readonly MeterProfileCatalog _profiles;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private CancellationTokenSource _settingsChanged = new();
    private readonly LiveValue<GridMeterSnapshot> _snapshots;
    private GridMeterSettings _settings;
    private DateTimeOffset _configuredAt;
    private DateTimeOffset? _lastReadingAt;

    public GridMeterPoller(MeterProfileCatalog profiles, TimeProvider timeProvider, ILoggerFactory? loggerFactory = null, GridMeterSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _profiles = profiles;
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<GridMeterPoller>();
        _configuredAt = timeProvider.GetUtcNow();
        settings ??= GridMeterSettings.Disabled;
        ThrowIfInvalid(settings);
        _settings = settings;
        _snapshots = new(new GridMeterSnapshot(settings, settings.IsConfigured ? GridMeterState.Connecting : GridMeterState.NotConfigured, null, ProfileProblem(settings)));
    }

    /// <summary>Every new reading and every state or settings change (published on the polling thread).</summary>
    public LiveValue<GridMeterSnapshot> Snapshots => _snapshots;

    public GridMeterSnapshot Snapshot => _snapshots.Current;

    public GridMeterState State => Snapshot.State;

    public GridMeterReading? Latest => Snapshot.Reading;

    public GridMeterSettings Settings => Snapshot.Settings;

    /// <summary>Replaces the settings; the next read uses them (new connection, new interval). Throws on invalid settings.</summary>
    public void ApplySettings(GridMeterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ThrowIfInvalid(settings);
        CancellationTokenSource previous;
        lock (_lock)
        {
            _settings = settings;
            _configuredAt = _timeProvider.GetUtcNow();
            _lastReadingAt = null;
            previous = _settingsChanged;
            _settingsChanged = new CancellationTokenSource();
        }

        var (profile, port, unit) = Resolve(settings);
        GridMeterLog.SettingsApplied(_logger, settings.ProfileId, settings.Host, port, unit);
        Publish(new GridMeterSnapshot(
            settings, settings.IsConfigured ? GridMeterState.Connecting : GridMeterState.NotConfigured, null, profile is null ? ProfileProblem(settings) : null));
        previous.Cancel();
        previous.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            GridMeterSettings settings;
            CancellationToken changed;
            lock (_lock)
            {
                settings = _settings;
                changed = _settingsChanged.Token;
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, changed);
            try
            {
                await RunAsync(settings, linked.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // Settings changed: start again with the new ones.
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RunAsync(GridMeterSettings settings, CancellationToken cancellationToken)
    {
        var (profile, port, unit) = Resolve(settings);
        if (!settings.IsConfigured || profile is null)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, _timeProvider, cancellationToken);
            return;
        }

        var options = new ModbusTcpClientOptions(settings.Host!, port, unit) { Timeout = settings.RequestTimeout };
        await using var client = new ModbusTcpClient(options, _timeProvider, _loggerFactory.CreateLogger<ModbusTcpClient>());
        var reader = new MeterProfileReader(profile, client, _logger);
        using var timer = new PeriodicTimer(settings.PollInterval, _timeProvider);
        do
        {
            await PollAsync(settings, reader, cancellationToken);
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }

    private async Task PollAsync(GridMeterSettings settings, MeterProfileReader reader, CancellationToken cancellationToken)
    {
        string? error;
        GridMeterReading? reading = null;
        try
        {
            var values = await reader.ReadAsync(cancellationToken);
            reading = GridMeterReading.From(values, _timeProvider.GetUtcNow(), out var problem);
            error = problem is null ? null : $"{problem[..^1]} (profile '{reader.Profile.Id}').";
        }
        catch (ModbusException e)
        {
            error = e.Message;
        }

        cancellationToken.ThrowIfCancellationRequested();
        GridMeterSnapshot previous;
        GridMeterSnapshot next;
        lock (_lock)
        {
            previous = _snapshots.Current;
            if (!ReferenceEquals(_settings, settings))
            {
                return;
            }

            var now = _timeProvider.GetUtcNow();
            if (reading is not null)
            {
                _lastReadingAt = reading.Timestamp;
            }

            var state = GridMeterHealth.Evaluate(settings, _configuredAt, _lastReadingAt, now);
            next = new GridMeterSnapshot(settings, state, reading ?? previous.Reading, error);
        }

        if (error is not null && error != previous.LastError)
        {
            GridMeterLog.ReadFailed(_logger, error);
        }

        if (reading is not null || next.State != previous.State || next.LastError != previous.LastError)
        {
            Publish(next);
        }
    }

    /// <summary>
    /// Makes <paramref name="snapshot"/> the current one unless its settings were replaced meanwhile (a read of the
    /// old meter finishing while new settings are applied must not bring the old settings back).
    /// </summary>
    private void Publish(GridMeterSnapshot snapshot)
    {
        GridMeterState previousState;
        lock (_lock)
        {
            if (!ReferenceEquals(_settings, snapshot.Settings))
            {
                return;
            }

            previousState = _snapshots.Current.State;
            _snapshots.Publish(snapshot); // under the lock: snapshots are published in order, and never an old meter's
        }

        if (previousState != snapshot.State)
        {
            GridMeterLog.StateChanged(_logger, previousState, snapshot.State);
        }
    }

    private (MeterProfile? Profile, int Port, byte UnitId) Resolve(GridMeterSettings settings)
    {
        var profile = settings.ProfileId is null ? null : _profiles.Find(settings.ProfileId);
        return (profile, settings.Port ?? profile?.DefaultPort ?? 502, settings.UnitId ?? profile?.DefaultUnitId ?? 1);
    }

    private string? ProfileProblem(GridMeterSettings settings)
    {
        if (settings.ProfileId is null || _profiles.Find(settings.ProfileId) is not null)
        {
            return null;
        }

        var problem = $"Unknown meter profile '{settings.ProfileId}'.";
        GridMeterLog.ProfileProblem(_logger, problem);
        return problem;
    }

    private static void ThrowIfInvalid(GridMeterSettings settings)
    {
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(problems[0], nameof(settings));
        }
    }

    public override void Dispose()
    {
        _settingsChanged.Dispose();
        base.Dispose();
    }
}
