using System.Diagnostics;
using OpenCpm.Simulation;

namespace OpenCpm.LoopBench;

/// <summary>
/// Samples the simulated site every 100 ms (<see cref="GridPoint"/>) and, on its own loop, the controller's
/// /api/v1/status every <see cref="StatusInterval"/> (<see cref="StatusPoint"/>; none while it is null).
/// </summary>
public sealed class Recorder(SimulatedSite site, ControllerApi api) : IAsyncDisposable
{
    public static readonly TimeSpan GridInterval = TimeSpan.FromMilliseconds(100);

    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private readonly List<GridPoint> _grid = [];
    private readonly List<StatusPoint> _status = [];
    private readonly int[] _targetsMilliA = Enumerable.Repeat(-1, site.Stations.Count).ToArray();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _firstStatus = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loops = Task.CompletedTask;
    private long _changes;
    private TimeSpan? _statusInterval = TimeSpan.FromSeconds(1);

    /// <summary>Seconds since the recorder was made.</summary>
    public double NowS => Stopwatch.GetElapsedTime(_startedAt).TotalSeconds;

    /// <summary>How often the status is read; null: not at all (the controller is left alone).</summary>
    public TimeSpan? StatusInterval
    {
        get => _statusInterval;
        set => _statusInterval = value;
    }

    /// <summary>Errors of the status loop (the controller not answering), counted, not fatal.</summary>
    public int StatusErrors { get; private set; }

    public Exception? LastStatusError { get; private set; }

    public void Start() => _loops = Task.WhenAll(Task.Run(SampleGridAsync), Task.Run(PollStatusAsync));

    /// <summary>Completes once one status reading has arrived.</summary>
    public Task FirstStatus => _firstStatus.Task;

    public IReadOnlyList<GridPoint> GridBetween(double fromS, double toS)
    {
        lock (_grid)
        {
            return [.. _grid.Where(p => p.AtS >= fromS && p.AtS <= toS)];
        }
    }

    public IReadOnlyList<StatusPoint> StatusBetween(double fromS, double toS)
    {
        lock (_status)
        {
            return [.. _status.Where(p => p.AtS >= fromS && p.AtS <= toS)];
        }
    }

    /// <summary>The last status reading at or before <paramref name="atS"/>.</summary>
    public StatusPoint? StatusAt(double atS)
    {
        lock (_status)
        {
            return _status.LastOrDefault(p => p.AtS <= atS);
        }
    }

    public GridPoint? LatestGrid
    {
        get
        {
            lock (_grid)
            {
                return _grid.Count > 0 ? _grid[^1] : null;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loops;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task SampleGridAsync()
    {
        using var timer = new PeriodicTimer(GridInterval);
        while (await timer.WaitForNextTickAsync(_stop.Token))
        {
            var household = site.HouseholdLoad;
            var grid = household + site.ChargingLoad();
            long commands = 0;
            foreach (var station in site.Stations)
            {
                commands += station.Station.SetpointCommands;
                var target = station.Station.Inspect(m =>
                {
                    var r = m.Report2();
                    return r.EnableUser == 0 ? 0 : r.TimerRemainingS > 0 ? r.TimerCurrentMilliA : r.UserCurrentMilliA;
                });
                if (_targetsMilliA[station.Index] >= 0 && _targetsMilliA[station.Index] != target)
                {
                    _changes++;
                }

                _targetsMilliA[station.Index] = target;
            }

            var point = new GridPoint(NowS, grid.L1, grid.L2, grid.L3, household.L1, commands, _changes);
            lock (_grid)
            {
                _grid.Add(point);
            }
        }
    }

    private async Task PollStatusAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var interval = _statusInterval;
            if (interval is null)
            {
                await Task.Delay(GridInterval, _stop.Token);
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                var point = await api.StatusAsync(() => NowS, _stop.Token);
                lock (_status)
                {
                    _status.Add(point);
                }

                _firstStatus.TrySetResult();
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException && !_stop.IsCancellationRequested)
            {
                StatusErrors++;
                LastStatusError = e;
            }

            var rest = interval.Value - Stopwatch.GetElapsedTime(started);
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest, _stop.Token);
            }
        }
    }
}
