using Microsoft.Extensions.Logging;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Meter;
using OpenCpm.Protocols.Modbus;
using OpenCpm.Simulation.Meters;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Meter;

/// <summary>The poller against the simulated meter over real loopback sockets (short intervals, deadlines, no sleeps).</summary>
public sealed class GridMeterPollerTests : IAsyncDisposable
{
    private readonly RecordingLoggerProvider _logs = new();
    private readonly LoggerFactory _loggerFactory;

    public GridMeterPollerTests() => _loggerFactory = new LoggerFactory([_logs]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static GridMeterSettings Fast(string profileId, int port) => new()
    {
        ProfileId = profileId,
        Host = "127.0.0.1",
        Port = port,
        PollInterval = TimeSpan.FromMilliseconds(100),
        RequestTimeout = TimeSpan.FromMilliseconds(200),
        StaleAfter = TimeSpan.FromMilliseconds(400),
        LostAfter = TimeSpan.FromMilliseconds(900),
    };

    private GridMeterPoller Poller(GridMeterSettings? settings = null) =>
        new(MeterProfileCatalog.BuiltIn, TimeProvider.System, _loggerFactory, settings);

    [Fact]
    public async Task Publishes_each_new_reading_of_the_site_load()
    {
        await using var meter = SimulatedGridMeter.Launch(MeterProfileCatalog.BuiltIn.Find("cg-em24-e1")!);
        meter.SetHouseholdLoad(new PhaseCurrents(4, 5, 6));
        using var poller = Poller(Fast("cg-em24-e1", meter.Port));
        var changes = new List<GridMeterSnapshot>();
        using var watching = poller.Snapshots.Subscribe(snapshot => { lock (changes) { changes.Add(snapshot); } });
        await poller.StartAsync(Ct);

        await Eventually.TrueAsync(() => poller.Latest?.CurrentA == new PhaseCurrents(4, 5, 6));
        Assert.Equal(GridMeterState.Connected, poller.State);
        meter.SetChargingLoad(new PhaseCurrents(16, 16, 16));
        await Eventually.TrueAsync(() => poller.Latest?.CurrentA == new PhaseCurrents(20, 21, 22));

        var reading = poller.Latest!;
        Assert.Equal(230, reading.VoltageV.L1!.Value, 0.1);
        Assert.Equal((20 + 21 + 22) * 230, reading.PowerTotalW!.Value, 1.0);
        lock (changes)
        {
            Assert.Contains(changes, c => c.State == GridMeterState.Connected && c.Reading is not null);
        }

        await poller.StopAsync(Ct);
    }

    [Fact]
    public async Task Streams_snapshots_to_watchers()
    {
        await using var meter = SimulatedGridMeter.Launch(MeterProfileCatalog.BuiltIn.Find("keba-e10")!);
        using var poller = Poller(Fast("keba-e10", meter.Port));
        await poller.StartAsync(Ct);

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromSeconds(10));
        meter.SetHouseholdLoad(new PhaseCurrents(7, 0, 0));
        await foreach (var snapshot in poller.Snapshots.WatchAsync(cts.Token))
        {
            if (snapshot.FreshReading?.CurrentA.L1 is 7)
            {
                break;
            }
        }

        await poller.StopAsync(Ct);
    }

    [Fact]
    public async Task Goes_stale_then_lost_when_the_meter_stops_answering_and_recovers()
    {
        await using var meter = SimulatedGridMeter.Launch(MeterProfileCatalog.BuiltIn.Find("tq-em300")!);
        using var poller = Poller(Fast("tq-em300", meter.Port) with { FallbackPowerW = 0 });
        var states = new List<GridMeterState>();
        using var watching = poller.Snapshots.Subscribe(s => { lock (states) { states.Add(s.State); } });
        await poller.StartAsync(Ct);
        await Eventually.TrueAsync(() => poller.State == GridMeterState.Connected);

        meter.Fault = SimulatedMeterFault.Silent;
        await Eventually.TrueAsync(() => poller.State == GridMeterState.Lost);

        Assert.True(poller.Settings.StopsChargingWhenLost);
        Assert.Null(poller.Snapshot.FreshReading);
        Assert.NotNull(poller.Snapshot.Reading); // the last good reading stays visible
        Assert.Equal($"The meter at 127.0.0.1:{meter.Port} did not answer read holding registers (function 3) at address 0 within 200 ms.", poller.Snapshot.LastError);
        lock (states)
        {
            Assert.Equal([GridMeterState.Connected, GridMeterState.Stale, GridMeterState.Lost], states.Distinct());
        }

        meter.Fault = SimulatedMeterFault.None;
        await Eventually.TrueAsync(() => poller.State == GridMeterState.Connected);
        Assert.Null(poller.Snapshot.LastError);
        await poller.StopAsync(Ct);
    }

    [Theory]
    [InlineData(SimulatedMeterFault.ExceptionResponse)]
    [InlineData(SimulatedMeterFault.DropConnection)]
    [InlineData(SimulatedMeterFault.Garbage)]
    public async Task Survives_a_misbehaving_meter(SimulatedMeterFault fault)
    {
        await using var meter = SimulatedGridMeter.Launch(MeterProfileCatalog.BuiltIn.Find("siemens-pac2200")!);
        meter.Fault = fault;
        using var poller = Poller(Fast("siemens-pac2200", meter.Port));
        await poller.StartAsync(Ct);

        await Eventually.TrueAsync(() => poller.State == GridMeterState.Lost);
        Assert.NotNull(poller.Snapshot.LastError);
        meter.Fault = SimulatedMeterFault.None;
        await Eventually.TrueAsync(() => poller.State == GridMeterState.Connected);
        await poller.StopAsync(Ct);
        Assert.DoesNotContain(_logs.AtLeast(LogLevel.Error), e => true);
    }

    [Fact]
    public async Task Applies_new_settings_at_run_time()
    {
        await using var first = SimulatedGridMeter.Launch(MeterProfileCatalog.BuiltIn.Find("cg-em24-e1")!);
        await using var second = SimulatedGridMeter.Launch(MeterProfileCatalog.BuiltIn.Find("fronius-gen24-sm")!, new SimulatedGridMeterOptions { UnitId = 200 });
        first.SetHouseholdLoad(PhaseCurrents.All(1));
        second.SetHouseholdLoad(PhaseCurrents.All(2));
        using var poller = Poller();
        await poller.StartAsync(Ct);
        Assert.Equal(GridMeterState.NotConfigured, poller.State);

        poller.ApplySettings(Fast("cg-em24-e1", first.Port));
        await Eventually.TrueAsync(() => poller.Latest?.CurrentA.L1 == 1);

        poller.ApplySettings(Fast("fronius-gen24-sm", second.Port)); // unit id from the profile: 200
        Assert.Null(poller.Latest);
        await Eventually.TrueAsync(() => poller.Latest?.CurrentA.L1 == 2);

        poller.ApplySettings(GridMeterSettings.Disabled);
        Assert.Equal(GridMeterState.NotConfigured, poller.State);
        await poller.StopAsync(Ct);
    }

    [Fact]
    public async Task Reports_an_unknown_profile()
    {
        using var poller = Poller();
        await poller.StartAsync(Ct);

        poller.ApplySettings(new GridMeterSettings { ProfileId = "no-such-meter", Host = "127.0.0.1" });

        Assert.Equal("Unknown meter profile 'no-such-meter'.", poller.Snapshot.LastError);
        await poller.StopAsync(Ct);
    }

    [Fact]
    public void Refuses_invalid_settings()
    {
        using var poller = Poller();
        var e = Assert.Throws<ArgumentException>(() => poller.ApplySettings(new GridMeterSettings { Port = 70000 }));
        Assert.StartsWith("Meter 'port' must be 1..65535 but was 70000.", e.Message, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync()
    {
        _loggerFactory.Dispose();
        _logs.Dispose();
        return ValueTask.CompletedTask;
    }
}
