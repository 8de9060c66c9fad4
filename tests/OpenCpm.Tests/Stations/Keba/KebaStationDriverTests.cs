using Microsoft.Extensions.Time.Testing;
using OpenCpm.Core.ChargePoints;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Core.Sessions;
using OpenCpm.Simulation.Stations;
using OpenCpm.Simulation.Vehicles;
using OpenCpm.Stations;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Stations.Keba;

/// <summary>The KEBA driver against the simulated station over real UDP sockets on loopback addresses.</summary>
public sealed class KebaStationDriverTests
{
    private static readonly VehicleSpec OnePhaseCar = new() { Phases = 1, MaxCurrentA = 16, Reaction = TimeSpan.FromMilliseconds(300) };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reports_a_charging_vehicle_with_capabilities_currents_and_learned_phases()
    {
        await using var h = KebaStationHarness.Start();
        h.Station.PlugIn(OnePhaseCar);

        await Eventually.TrueAsync(() => h.Driver.Status.Current is { State: ChargePointState.Charging, CurrentsA.L1: 16 } && !h.Driver.Status.Current.ActivePhases.IsEmpty);

        var status = h.Driver.Status.Current;
        Assert.True(status.Online);
        Assert.True(status.VehiclePlugged);
        Assert.Equal(PhaseSet.Of(Phase.L1), status.ActivePhases);
        Assert.Equal(new PhaseCurrents(16, 0, 0), status.CurrentsA);
        Assert.InRange(status.PowerW, 16 * 230 * 0.85, 16 * 230 * 1.05); // real stations report a power factor below 1 while charging
        Assert.Equal((32, 32), (status.HardwareMaxCurrentA, status.OfferedCurrentA));
        var capabilities = Assert.IsType<StationCapabilities>(h.Driver.Capabilities);
        Assert.Equal(("KC-P30-EC240422-E0R", "22054282", "c", true, true, true), (capabilities.Product, capabilities.Serial, capabilities.Series, capabilities.HasMeter, capabilities.HasRfid, capabilities.HasDisplay));
        Assert.Equal(32, capabilities.DipMaxCurrentA);
        await Eventually.TrueAsync(() => h.Station.Inspect(m => m.Report2()).FailsafeTimeoutS == 60, because: "the driver configures the failsafe watchdog");
        Assert.Empty(h.Errors);
    }

    [Fact]
    public async Task Sets_the_current_with_currtime_and_pauses_below_6_A()
    {
        await using var h = KebaStationHarness.Start();
        h.Station.PlugIn(OnePhaseCar);
        await Eventually.TrueAsync(() => h.Driver.Status.Current.State == ChargePointState.Charging);

        Assert.Equal(StationCommandResult.Accepted, await h.Driver.SetCurrentAsync(10, Ct));
        await Eventually.TrueAsync(() => h.Driver.Status.Current is { OfferedCurrentA: 10, SetpointA: 10, CurrentsA.L1: 10 });

        Assert.Equal(StationCommandResult.Accepted, await h.Driver.SetCurrentAsync(4.5, Ct));
        await Eventually.TrueAsync(() => h.Driver.Status.Current.State == ChargePointState.SuspendedByController);
        Assert.Equal(0, h.Station.Inspect(m => m.OfferedMilliA));
    }

    [Fact]
    public async Task Takes_state_from_a_push_message_that_races_the_acknowledge()
    {
        // Poll once, then only push messages can change the status.
        await using var h = KebaStationHarness.Start(configure: o => o with { PollInterval = TimeSpan.FromHours(1) });
        h.Station.PlugIn(OnePhaseCar);
        await Eventually.TrueAsync(() => h.Driver.Status.Current.State == ChargePointState.Charging);
        h.Station.Faults.PushBeforeReply = true;

        var result = await h.Driver.SetEnabledAsync(false, Ct);

        Assert.Equal(StationCommandResult.Accepted, result);
        await Eventually.TrueAsync(() => h.Driver.Status.Current is { State: ChargePointState.SuspendedByController, OfferedCurrentA: 0 });
    }

    [Fact]
    public async Task Goes_offline_when_the_station_falls_silent_and_back_online_when_it_answers()
    {
        await using var h = KebaStationHarness.Start();
        await Eventually.TrueAsync(() => h.Driver.Status.Current is { Online: true, State: ChargePointState.Idle });
        var changes = new List<StationStatus>();
        using var watching = h.Driver.Status.Subscribe(change =>
        {
            lock (changes)
            {
                changes.Add(change);
            }
        });

        h.Station.Faults.Silent = true;
        await Eventually.TrueAsync(() => h.Driver.Status.Current is { Online: false, State: ChargePointState.Offline });
        Assert.Equal(StationCommandOutcome.TimedOut, (await h.Driver.SetCurrentAsync(16, Ct)).Outcome);

        h.Station.Faults.Silent = false;
        await Eventually.TrueAsync(() => h.Driver.Status.Current is { Online: true, State: ChargePointState.Idle });
        lock (changes)
        {
            Assert.Contains(changes, c => c.State == ChargePointState.Offline);
        }
    }

    [Fact]
    public async Task Feeds_the_failsafe_watchdog_and_the_station_trips_when_the_controller_stops()
    {
        var stationTime = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = KebaStationHarness.Start(stationTime: stationTime, configure: o => o with { FailsafeTimeoutS = 10, FailsafeCurrentA = 0 });
        h.Station.PlugIn(OnePhaseCar with { Reaction = TimeSpan.FromSeconds(1) });
        stationTime.Advance(TimeSpan.FromSeconds(2));
        await Eventually.TrueAsync(() => h.Station.Inspect(m => m.Report2()).FailsafeTimeoutS == 10);
        Assert.Equal(StationCommandResult.Accepted, await h.Driver.SetCurrentAsync(16, Ct));

        // 12 s of station time in 4 s steps, each after the driver fed the watchdog again: never trips.
        for (var i = 0; i < 3; i++)
        {
            var feeds = h.Station.Inspect(m => m.WatchdogFeeds);
            await Eventually.TrueAsync(() => h.Station.Inspect(m => m.WatchdogFeeds) > feeds, because: "the driver feeds every quarter of the timeout");
            stationTime.Advance(TimeSpan.FromSeconds(4));
        }

        Assert.False(h.Station.Inspect(m => m.FailsafeTripped));
        Assert.Equal(16000, h.Station.Inspect(m => m.OfferedMilliA));

        await h.StopDriverAsync();
        stationTime.Advance(TimeSpan.FromSeconds(11));

        Assert.True(h.Station.Inspect(m => m.FailsafeTripped));
        var report = h.Station.Inspect(m => m.Report2());
        Assert.Equal((5, 0, 0), (report.State, report.EnableSys, report.MaxCurrentMilliA));
    }

    [Fact]
    public async Task Configures_the_failsafe_again_after_the_station_rebooted()
    {
        await using var h = KebaStationHarness.Start(configure: o => o with { FailsafeTimeoutS = 30, FailsafeCurrentA = 6 });
        await Eventually.TrueAsync(() => h.Station.Inspect(m => m.Report2()) is { FailsafeTimeoutS: 30, FailsafeCurrentMilliA: 6000 });

        h.Station.Reboot();
        Assert.Equal(0, h.Station.Inspect(m => m.Report2()).FailsafeTimeoutS);

        await Eventually.TrueAsync(() => h.Station.Inspect(m => m.Report2()) is { FailsafeTimeoutS: 30, FailsafeCurrentMilliA: 6000 });
    }

    [Fact]
    public async Task Commands_its_current_again_when_a_reboot_made_the_station_forget_it()
    {
        await using var h = KebaStationHarness.Start(configure: o => o with { FailsafeTimeoutS = 0 });
        await Eventually.TrueAsync(() => h.Driver.Status.Current.Online);
        Assert.Equal(StationCommandResult.Accepted, await h.Driver.SetCurrentAsync(10, Ct));
        await Eventually.TrueAsync(() => h.Station.Inspect(m => m.Report2()).UserCurrentMilliA == 10000, because: "currtime takes effect after its 1 s delay");
        var commands = h.Station.Inspect(m => m.WatchdogFeeds);

        h.Station.Reboot();
        Assert.Equal(63000, h.Station.Inspect(m => m.Report2()).UserCurrentMilliA);

        await Eventually.TrueAsync(
            () => h.Station.Inspect(m => m.Report2()).UserCurrentMilliA == 10000,
            because: "the driver sees Curr user above its command in report 2 and sends the command again (no watchdog feed here)");
        Assert.Equal(commands + 1, h.Station.Inspect(m => m.WatchdogFeeds));
    }

    [Fact]
    public async Task Keeps_a_station_it_disabled_disabled_after_a_reboot()
    {
        await using var h = KebaStationHarness.Start(configure: o => o with { FailsafeTimeoutS = 0 });
        await Eventually.TrueAsync(() => h.Driver.Status.Current.Online);
        Assert.Equal(StationCommandResult.Accepted, await h.Driver.SetEnabledAsync(false, Ct));
        Assert.Equal(0, h.Station.Inspect(m => m.Report2()).EnableUser);

        h.Station.Reboot();

        await Eventually.TrueAsync(() => h.Station.Inspect(m => m.Report2()).EnableUser == 0, because: "the driver disables the station again");
    }

    [Fact]
    public async Task Survives_a_burst_of_malformed_datagrams_from_the_station_address()
    {
        await using var h = KebaStationHarness.Start();
        await Eventually.TrueAsync(() => h.Driver.Status.Current.Online);
        string[] junk = ["garbage", "{\"ID\": \"2\", \"State\": 42}", "{\"ID\"", "\"State\": \"x\"", "\u00ff\u00fe", "{\"ID\": \"3\", \"I1\": -1}"];
        for (var burst = 1; burst <= 6; burst++)
        {
            // From the station's own socket (port 7090): datagrams from any other port are dropped before parsing.
            for (var i = 0; i < 100; i++)
            {
                h.Station.SendRaw(junk[i % junk.Length], h.Endpoint.LocalEndPoint);
            }

            // Bursts of 100 fit the socket's receive buffer; wait for each to be counted before the next.
            var expected = burst * 100;
            await Eventually.TrueAsync(() => h.Endpoint.MalformedDatagrams == expected);
        }

        // One warning for the station within the minute (with its count), not one per datagram (issue 9).
        Assert.Single(h.Logs.Entries, e => e.EventId.Id == 3000);

        Assert.Equal(StationCommandResult.Accepted, await h.Driver.SetCurrentAsync(12, Ct));
        Assert.True(h.Driver.Status.Current.Online);
        Assert.Empty(h.Errors);
    }

    [Fact]
    public async Task Reads_the_session_history_newest_first_after_a_known_session()
    {
        await using var h = KebaStationHarness.Start();
        h.Station.PlugIn(OnePhaseCar);
        h.Station.Unplug();
        h.Station.PlugIn(OnePhaseCar);
        h.Station.Unplug();
        h.Station.PlugIn(OnePhaseCar);

        var all = await h.Driver.ReadSessionHistoryAsync(0, Ct);
        var newer = await h.Driver.ReadSessionHistoryAsync(2, Ct);

        Assert.Equal([3L, 2L, 1L], all.Select(s => s.SessionId));
        Assert.Equal([false, true, true], all.Select(s => s.Ended));
        Assert.Equal([null, StopReason.EVDisconnected, StopReason.EVDisconnected], all.Select(s => s.EndReason));
        Assert.Equal([3L], newer.Select(s => s.SessionId));
    }

    [Fact]
    public async Task Starts_and_stops_an_RFID_session_with_the_remembered_tag()
    {
        await using var h = KebaStationHarness.Start(KebaStationProfile.CSeries("1") with { Whitelist = ["e3f76b8d"], PilotDelay = TimeSpan.FromMilliseconds(500) });
        h.Station.PlugIn(OnePhaseCar);
        await Eventually.TrueAsync(() => h.Driver.Status.Current is { State: ChargePointState.Connected, AuthorizationRequired: true });

        Assert.Equal(StationCommandResult.Accepted, await h.Driver.StartAsync("E3F76B8D", Ct));
        await Eventually.TrueAsync(() => h.Driver.Status.Current is { State: ChargePointState.Charging, Authorized: true, RfidTag: "e3f76b8d00000000" });

        Assert.Equal(StationCommandResult.Accepted, await h.Driver.StopAsync(null, Ct));
        await Eventually.TrueAsync(() => h.Driver.Status.Current is { AuthorizationRequired: true, State: ChargePointState.Connected });
        Assert.Equal(StationCommandOutcome.Rejected, (await h.Driver.StartAsync("not-hex", Ct)).Outcome);
    }

    [Fact]
    public async Task Shows_text_restarts_never_and_knows_what_the_model_lacks()
    {
        await using var p30 = KebaStationHarness.Start();
        await Eventually.TrueAsync(() => p30.Driver.Capabilities is not null);
        Assert.Equal(StationCommandResult.Accepted, await p30.Driver.ShowTextAsync("Hello driver", null, Ct));
        Assert.Equal("Hello driver", p30.Station.Inspect(m => m.DisplayText));
        Assert.Equal(StationCommandOutcome.Unsupported, (await p30.Driver.RestartAsync(Ct)).Outcome);
        Assert.Equal(StationCommandResult.Accepted, await p30.Driver.UnlockAsync(Ct));

        await using var german = KebaStationHarness.Start(KebaStationProfile.GermanEdition("2"));
        await Eventually.TrueAsync(() => german.Driver.Capabilities is not null);
        Assert.Equal(StationCommandOutcome.Unsupported, (await german.Driver.ShowTextAsync("Hi", null, Ct)).Outcome);
        Assert.Equal(StationCommandOutcome.Unsupported, (await german.Driver.StartAsync("e3f76b8d", Ct)).Outcome);
    }
}
