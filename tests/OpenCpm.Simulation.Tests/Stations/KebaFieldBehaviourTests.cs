using System.Net;
using OpenCpm.Protocols.Keba;
using OpenCpm.Simulation.Stations;
using OpenCpm.Simulation.Vehicles;

namespace OpenCpm.Simulation.Tests.Stations;

/// <summary>What real stations in the field do that a driver must cope with (issue 11), reproduced by the model.</summary>
public sealed class KebaFieldBehaviourTests
{
    private static readonly IPAddress Controller = IPAddress.Parse("127.0.0.1");
    private static readonly VehicleSpec Car = new() { Phases = 3, MaxCurrentA = 16, Reaction = TimeSpan.FromSeconds(2), BatteryWh = 60_000, InitialSoc = 0.2 };
    private static readonly VehicleSpec SlowCar = Car with { Reaction = TimeSpan.FromMinutes(10) };

    private DateTimeOffset _now = new(2019, 1, 11, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Stamps_sessions_in_Unix_seconds_matching_the_text_when_the_clock_is_set()
    {
        var station = New(KebaStationProfile.CSeries("18711747"));
        Tick(station, new TimeSpan(6, 22, 32), step: TimeSpan.FromHours(1));
        station.PlugIn(Car, _now);
        Tick(station, new TimeSpan(4, 48, 25), step: TimeSpan.FromMinutes(1));
        station.Unplug(_now);

        var session = station.SessionReport(100);

        Assert.Equal((3, 3), (station.Report1().TimeQuality, session.TimeQuality));
        Assert.Equal((1547187752L, 1547205057L), (session.StartedAt.Seconds, session.EndedAt.Seconds));
        Assert.Contains(
            "\"started[s]\": 1547187752,\n\"ended[s]\": 1547205057,\n\"started\": \"2019-01-11 06:22:32.000\",\n\"ended\": \"2019-01-11 11:10:57.000\",\n\"reason\": 1,\n\"timeQ\": 3,\n",
            KebaCodec.Format(session),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_session_times_from_boot_until_the_clock_is_set_and_again_after_a_reboot()
    {
        var station = New(KebaStationProfile.CSeries("1") with { ClockSetAtBoot = false });
        Tick(station, TimeSpan.FromSeconds(191012), step: TimeSpan.FromHours(1));
        station.PlugIn(Car, _now);
        var running = station.SessionReport(100);
        Tick(station, TimeSpan.FromSeconds(6670), step: TimeSpan.FromMinutes(1));
        station.Unplug(_now);
        var ended = station.SessionReport(101);

        Assert.Equal(0, station.Report1().TimeQuality);
        Assert.Equal(("191012000", 191012L, "0", 0L, 0), (running.Started, running.StartedAt.Seconds, running.Ended, running.EndedAt.Seconds, running.TimeQuality));
        Assert.Equal(("191012000", "197682000", KebaTimeKind.SinceBoot), (ended.Started, ended.Ended, ended.EndedAt.Kind));

        var setTo = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(new KebaAcknowledge(), station.Handle("setdatetime " + setTo.ToUnixTimeSeconds(), Controller, _now));
        station.PlugIn(Car, _now);
        Assert.Equal((2, 2, "2026-03-01 12:00:00.000"), (station.Report1().TimeQuality, station.SessionReport(100).TimeQuality, station.SessionReport(100).Started));

        // A reboot loses a time set over UDP: the session the plugged vehicle starts at boot counts from boot again.
        station.Reboot(_now);
        Tick(station, TimeSpan.FromSeconds(30));
        station.Unplug(_now);
        Assert.Equal((0, 0, "0", "30000"), (station.Report1().TimeQuality, station.SessionReport(101).TimeQuality, station.SessionReport(101).Started, station.SessionReport(101).Ended));
    }

    [Fact]
    public void Shows_State_4_in_the_first_report_2_after_a_plug_in_and_not_in_the_next()
    {
        var station = New(KebaStationProfile.XSeries("1"));
        station.Faults.TransientErrorAtPlugIn = true;
        Send(station, "report 2");
        station.TakePushMessages();

        station.PlugIn(Car, _now);
        var atPlugIn = station.TakePushMessages();
        var first = Assert.IsType<KebaReport2>(Send(station, "report 2"));
        var afterPoll = station.TakePushMessages();
        var second = Assert.IsType<KebaReport2>(Send(station, "report 2"));

        Assert.Equal((4, 6, 32769, 7, 1, 1, 0, 1000), (first.State, first.Error1, first.Error2, first.Plug, first.EnableSys, first.EnableUser, first.MaxCurrentMilliA, first.MaxCurrentPerMille));
        Assert.Contains(new KebaPushMessage("State", 4), atPlugIn);
        Assert.Contains(new KebaPushMessage("State", 2), afterPoll);
        Assert.Contains(new KebaPushMessage("Max curr", 32000), afterPoll);
        Assert.Equal((2, 0, 0, 32000), (second.State, second.Error1, second.Error2, second.MaxCurrentMilliA));
    }

    [Fact]
    public void Clears_the_transient_State_4_by_itself_when_nobody_polls()
    {
        var station = New(KebaStationProfile.XSeries("1"));
        station.Faults.TransientErrorAtPlugIn = true;
        station.PlugIn(Car, _now);
        Assert.True(station.TransientErrorShowing);

        Tick(station, station.Faults.TransientErrorHold);

        Assert.False(station.TransientErrorShowing);
        Assert.Equal((2, 0, 32000), (station.Report2().State, station.Report2().Error1, station.Report2().MaxCurrentMilliA));
    }

    [Fact]
    public void Pushes_Input_when_the_X1_input_changes_and_reports_it()
    {
        var station = New(KebaStationProfile.CSeries("1"));
        Send(station, "report 2");
        station.TakePushMessages();

        station.SetInput(true, _now);
        var closed = station.TakePushMessages();
        station.SetInput(true, _now);
        var unchanged = station.TakePushMessages();
        var report = station.Report2();
        station.SetInput(false, _now);

        Assert.Equal([new KebaPushMessage("Input", 1)], closed);
        Assert.Empty(unchanged);
        Assert.Equal(1, report.Input);
        Assert.Equal([new KebaPushMessage("Input", 0)], station.TakePushMessages());
        Assert.Equal(0, station.Report2().Input);
    }

    [Fact]
    public void Reads_0_V_and_PF_0_on_a_c_series_unless_current_flows()
    {
        var station = New(KebaStationProfile.CSeries("1"));
        var idle = station.Report3();
        station.PlugIn(SlowCar, _now);
        var plugged = station.Report3();
        var pluggedState = station.Report2().State;
        Tick(station, TimeSpan.FromMinutes(11));
        var charging = station.Report3();
        Send(station, "currtime 0 1");
        Tick(station, SlowCar.Reaction + TimeSpan.FromSeconds(2), step: TimeSpan.FromSeconds(10));
        var stopped = station.Report3();

        Assert.Equal((0, 0, 0, 0), (idle.U1V, idle.U2V, idle.U3V, idle.PowerFactorPerMille));
        Assert.Equal((2, 0, 0, 0, 0), (pluggedState, plugged.U1V, plugged.U2V, plugged.U3V, plugged.PowerFactorPerMille));
        Assert.All(new[] { charging.U1V, charging.U2V, charging.U3V }, u => Assert.InRange(u, 227, 233));
        Assert.InRange(charging.PowerFactorPerMille, 905, 997);
        Assert.Equal((0, 0, 0, 0L), (stopped.U1V, stopped.PowerFactorPerMille, stopped.I1MilliA, stopped.PowerMilliW));
    }

    [Fact]
    public void Reads_the_mains_voltage_on_an_x_series_with_a_vehicle_plugged_but_PF_0()
    {
        var station = New(KebaStationProfile.XSeries("18235522"));
        var idle = station.Report3();
        station.PlugIn(SlowCar, _now);

        var plugged = station.Report3();

        Assert.Equal(2, station.Report2().State);
        Assert.Equal((0, 0), (idle.U1V, idle.PowerFactorPerMille));
        Assert.All(new[] { plugged.U1V, plugged.U2V, plugged.U3V }, u => Assert.InRange(u, 227, 233));
        Assert.Equal((0, 0L), (plugged.PowerFactorPerMille, plugged.PowerMilliW));
    }

    [Fact]
    public void Varies_the_power_factor_while_charging_between_905_and_997()
    {
        var station = New(KebaStationProfile.CSeries("1"));
        station.PlugIn(Car, _now);
        Tick(station, TimeSpan.FromSeconds(3));

        var readings = new List<int>();
        for (var i = 0; i < 60; i++)
        {
            Tick(station, TimeSpan.FromSeconds(5));
            readings.Add(station.Report3().PowerFactorPerMille);
        }

        Assert.All(readings, pf => Assert.InRange(pf, 905, 997));
        Assert.True(readings.Max() - readings.Min() >= 50, $"PF varies plausibly, not stuck: {string.Join(", ", readings)}");
    }

    [Fact]
    public void Reports_X2_phaseSwitch_0_while_x2src_is_0_and_charges_on_all_phases()
    {
        var station = New(KebaStationProfile.CSeries("1"));
        station.PlugIn(Car, _now);
        Tick(station, TimeSpan.FromSeconds(3));
        var noSource = station.Report2();
        var currents = station.Report3();
        Send(station, "x2src 4");

        Assert.Equal((0, 0), (noSource.PhaseSwitchSource, noSource.PhaseSwitch));
        Assert.Equal((16000, 16000, 16000), (currents.I1MilliA, currents.I2MilliA, currents.I3MilliA));
        Assert.Equal((4, 1), (station.Report2().PhaseSwitchSource, station.Report2().PhaseSwitch));
    }

    [Fact]
    public void Answers_only_i_and_report_1_with_Modbus_on_firmware_3_10_80_but_everything_on_older_firmware()
    {
        var latest = New(KebaStationProfile.CSeries("1") with { Firmware = KebaFirmwareProfile.V31080 });
        var older = New(KebaStationProfile.CSeries("2") with { Firmware = KebaFirmwareProfile.V31057 });
        latest.Faults.ModbusEnabled = true;
        older.Faults.ModbusEnabled = true;

        Assert.IsType<KebaFirmwareInfo>(Send(latest, "i"));
        Assert.Equal("P30 v 3.10.80 (251002-115400)", Assert.IsType<KebaReport1>(Send(latest, "report 1")).Firmware);
        Assert.All(new[] { "report 2", "report 3", "report 100", "currtime 16000 1", "ena 1" }, c => Assert.Null(Send(latest, c)));
        Assert.IsType<KebaReport2>(Send(older, "report 2"));
        Assert.IsType<KebaSessionReport>(Send(older, "report 100"));
    }

    [Fact]
    public void Shows_DSW1_3_off_in_DIP_Sw1_when_the_interface_switch_is_off()
    {
        var station = New(KebaStationProfile.CSeries("1"));
        station.Faults.InterfaceDisabled = true;

        Assert.Equal((byte)0x05, station.Report1().DipSwitch1);
        Assert.Null(Send(station, "report 2"));
    }

    private KebaStationModel New(KebaStationProfile profile) => new(profile, _now);

    private KebaMessage? Send(KebaStationModel station, string command) => station.Handle(command, Controller, _now);

    private void Tick(KebaStationModel station, TimeSpan duration, TimeSpan? step = null)
    {
        var end = _now + duration;
        var by = step ?? TimeSpan.FromSeconds(0.5);
        while (_now < end)
        {
            _now = _now + by < end ? _now + by : end;
            station.Advance(_now);
        }
    }
}
