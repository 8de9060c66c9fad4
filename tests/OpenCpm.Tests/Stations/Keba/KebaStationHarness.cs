using Microsoft.Extensions.Logging;
using OpenCpm.Protocols.Keba;
using OpenCpm.Simulation.Stations;
using OpenCpm.Stations.Keba;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Stations.Keba;

/// <summary>
/// A controller endpoint on its own loopback address at 7090, one simulated station on another, and a driver
/// running against it — real UDP both ways, short timings so the tests run in seconds.
/// </summary>
internal sealed class KebaStationHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _run = new();
    private Task _driverTask = Task.CompletedTask;

    private KebaStationHarness(KebaUdpEndpoint endpoint, SimulatedKebaStation station, KebaStationDriver driver, RecordingLoggerProvider logs)
    {
        Endpoint = endpoint;
        Station = station;
        Driver = driver;
        Logs = logs;
    }

    public KebaUdpEndpoint Endpoint { get; }

    public SimulatedKebaStation Station { get; }

    public KebaStationDriver Driver { get; }

    public RecordingLoggerProvider Logs { get; }

    public static KebaTimingOptions FastTiming { get; } = new()
    {
        DatagramSpacing = TimeSpan.FromMilliseconds(20),
        IdenticalCommandSpacing = TimeSpan.FromMilliseconds(150),
        DisableQuietTime = TimeSpan.FromMilliseconds(200),
        ReplyTimeout = TimeSpan.FromMilliseconds(300),
        MaxAttempts = 2,
    };

    public static KebaStationHarness Start(
        KebaStationProfile? profile = null,
        TimeProvider? stationTime = null,
        Func<KebaStationDriverOptions, KebaStationDriverOptions>? configure = null,
        bool run = true,
        KebaTimingOptions? timing = null)
    {
        var logs = new RecordingLoggerProvider();
        var endpoint = new KebaUdpEndpoint(
            new KebaUdpEndpointOptions { Address = FreePort.LoopbackAddress(), Timing = timing ?? FastTiming },
            TimeProvider.System,
            logs.CreateLogger<KebaUdpEndpoint>());
        endpoint.Start();
        var station = SimulatedKebaStation.Start(
            FreePort.LoopbackAddress(),
            profile ?? KebaStationProfile.CSeries("22054282") with { PilotDelay = TimeSpan.FromMilliseconds(500) },
            stationTime ?? TimeProvider.System,
            tick: TimeSpan.FromMilliseconds(100));
        var options = new KebaStationDriverOptions
        {
            ChargePointId = "cp-1",
            Address = station.Address,
            PollInterval = TimeSpan.FromMilliseconds(200),
            OfflineAfter = TimeSpan.FromSeconds(1.5),
            FailsafeTimeoutS = 60,
        };
        var driver = new KebaStationDriver(configure?.Invoke(options) ?? options, endpoint, TimeProvider.System, logs.CreateLogger<KebaStationDriver>());
        var harness = new KebaStationHarness(endpoint, station, driver, logs);
        if (run)
        {
            harness.Run();
        }

        return harness;
    }

    public void Run() => _driverTask = Task.Run(() => Driver.RunAsync(_run.Token));

    /// <summary>Stops the driver (the controller goes away) and waits until its loop has ended.</summary>
    public async Task StopDriverAsync()
    {
        await _run.CancelAsync();
        await _driverTask;
    }

    public async ValueTask DisposeAsync()
    {
        await StopDriverAsync();
        await Station.DisposeAsync();
        await Endpoint.DisposeAsync();
        _run.Dispose();
        Logs.Dispose();
    }

    public IEnumerable<RecordingLoggerProvider.LogEntry> Errors => Logs.AtLeast(LogLevel.Error);
}
