using Microsoft.Extensions.Time.Testing;
using OpenCpm.Core.ChargePoints;
using OpenCpm.Protocols.Keba;
using OpenCpm.Simulation.Stations;
using OpenCpm.Simulation.Vehicles;
using OpenCpm.Stations;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Stations.Keba;

/// <summary>The driver against simulated stations that behave as real ones do in the field, firmware by firmware.</summary>
public sealed class KebaFieldDriverTests
{
    private static readonly VehicleSpec Car = new() { Phases = 3, MaxCurrentA = 16, Reaction = TimeSpan.FromMilliseconds(300) };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_station_on_firmware_3_10_80_with_Modbus_on_is_not_driven_and_its_status_says_why()
    {
        await using var h = KebaStationHarness.Start(KebaStationProfile.CSeries("22054282") with { Firmware = KebaFirmwareProfile.V31080 }, run: false);
        h.Station.Faults.ModbusEnabled = true;
        h.Run();

        var status = await Eventually.ValueAsync(() => h.Driver.Status.Current is { Problem: not null } s ? s : null, because: "the driver tells what is wrong");

        Assert.Contains("answers only report 1: firmware 3.10.80 with Modbus TCP enabled — disable DIP 1.3 or use the Modbus driver", status.Problem, StringComparison.Ordinal);
        Assert.False(status.Online);
        Assert.Equal(ChargePointState.Offline, status.State);
    }

    [Fact]
    public async Task A_transient_State_4_when_a_vehicle_is_plugged_in_is_never_reported_as_an_error()
    {
        await using var h = KebaStationHarness.Start(KebaStationProfile.XSeries("22054283") with { PilotDelay = TimeSpan.FromMilliseconds(300) });
        h.Station.Faults.TransientErrorAtPlugIn = true;
        await Eventually.TrueAsync(() => h.Driver.Status.Current.State == ChargePointState.Idle);
        var seen = new List<StationStatus>();
        using var watching = h.Driver.Status.Subscribe(s =>
        {
            lock (seen)
            {
                seen.Add(s);
            }
        });

        h.Station.PlugIn(Car);
        await Eventually.TrueAsync(() => h.Driver.Status.Current.State == ChargePointState.Charging, because: "the vehicle charges");

        Assert.True(h.Station.Inspect(m => m.Faults.TransientErrorAtPlugIn));
        lock (seen)
        {
            Assert.DoesNotContain(seen, s => s.State == ChargePointState.Error || s.ErrorCode != 0);
        }
    }

    [Fact]
    public async Task A_station_that_drops_commands_sent_too_close_together_loses_none_of_the_drivers()
    {
        await using var h = KebaStationHarness.Start(
            timing: KebaStationHarness.FastTiming with { DatagramSpacing = new KebaTimingOptions().DatagramSpacing, ReplyTimeout = TimeSpan.FromSeconds(1) },
            run: false);
        h.Station.Faults.DropBursts = true;
        h.Run();
        h.Station.PlugIn(Car);
        await Eventually.TrueAsync(() => h.Driver.Status.Current.State == ChargePointState.Charging);

        foreach (var amps in new[] { 10.0, 12, 6, 16, 8, 0, 14 })
        {
            Assert.Equal(StationCommandOutcome.Accepted, (await h.Driver.SetCurrentAsync(amps, Ct)).Outcome);
        }

        Assert.Equal(0, h.Station.CommandsDropped);
        var reached = await Record.ExceptionAsync(() => Eventually.TrueAsync(() => h.Driver.Status.Current.SetpointA == 14));
        Assert.True(reached is null, $"{h.Driver.Status.Current}");
    }

    [Fact]
    public async Task A_station_whose_clock_was_never_set_logs_session_times_the_driver_places_on_its_own_clock()
    {
        var stationTime = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = KebaStationHarness.Start(KebaStationProfile.CSeries("22054284") with { ClockSetAtBoot = false }, stationTime);
        stationTime.Advance(TimeSpan.FromHours(1)); // an hour after the station booted
        h.Station.PlugIn(Car);
        stationTime.Advance(TimeSpan.FromMinutes(10));
        h.Station.Unplug();

        var log = await h.Driver.ReadSessionHistoryAsync(0, Ct);

        var session = Assert.Single(log);
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(Core.Sessions.StopReason.EVDisconnected, session.EndReason);
        Assert.InRange(session.EndedAt!.Value, now.AddSeconds(-3), now.AddSeconds(1));
        Assert.Equal(TimeSpan.FromMinutes(10), session.EndedAt.Value - session.StartedAt!.Value);
    }
}
