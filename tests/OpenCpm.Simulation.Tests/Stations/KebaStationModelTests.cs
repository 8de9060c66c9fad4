using System.Net;
using OpenCpm.Protocols.Keba;
using OpenCpm.Simulation.Stations;
using OpenCpm.Simulation.Vehicles;

namespace OpenCpm.Simulation.Tests.Stations;

public sealed class KebaStationModelTests
{
    private static readonly IPAddress Controller = IPAddress.Parse("127.0.0.1");
    private static readonly VehicleSpec Car = new() { Phases = 3, MaxCurrentA = 16, Reaction = TimeSpan.FromSeconds(2), BatteryWh = 60_000, InitialSoc = 0.2 };

    private readonly DateTimeOffset _t0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private DateTimeOffset _now;

    public KebaStationModelTests()
    {
        _now = _t0;
    }

    [Fact]
    public void Offers_current_at_plug_in_and_the_vehicle_follows_after_its_reaction()
    {
        var station = New();
        station.PlugIn(Car, _now);
        Assert.Equal((2, 7, 32000, 533), (R2(station).State, R2(station).Plug, R2(station).MaxCurrentMilliA, R2(station).MaxCurrentPerMille));

        Tick(station, 2);

        var r3 = station.Report3();
        Assert.Equal(3, R2(station).State);
        Assert.Equal((16000, 16000, 16000), (r3.I1MilliA, r3.I2MilliA, r3.I3MilliA));
        Assert.InRange(r3.PowerFactorPerMille, 905, 997);
        Assert.Equal(((long)r3.U1V * r3.I1MilliA + (long)r3.U2V * r3.I2MilliA + (long)r3.U3V * r3.I3MilliA) * r3.PowerFactorPerMille / 1000, r3.PowerMilliW);
    }

    [Fact]
    public void A_network_client_offers_only_its_stored_failsafe_current_until_a_controller_commands_it()
    {
        var station = new KebaStationModel(KebaStationProfile.CSeries("22054282") with { NetworkClient = true, InstalledFailsafeMilliA = 6000 }, _now);
        station.PlugIn(Car, _now);
        Tick(station, 10);
        Assert.Equal(6000, R2(station).MaxCurrentMilliA);
        Assert.Equal(6000, station.Report3().I1MilliA);

        Send(station, "failsafe 60 0 0"); // configuring the watchdog is not taking the current over
        Tick(station, 1);
        Assert.Equal(6000, station.OfferedMilliA);

        Send(station, "currtime 12000 1");
        Tick(station, 1 + 7); // the timer's second, then the pilot delay of a change between two currents
        Assert.Equal(12000, station.OfferedMilliA);

        station.Reboot(_now);
        station.PlugIn(Car, _now);
        Tick(station, 1);
        Assert.Equal(6000, station.OfferedMilliA);
    }

    [Fact]
    public void Applies_a_new_current_after_the_pilot_delay_without_restarting_the_timer()
    {
        var station = Charging();
        Send(station, "currtime 10000 1");
        Tick(station, 1);
        Assert.Equal((10000, 32000), (R2(station).UserCurrentMilliA, R2(station).MaxCurrentMilliA));

        Tick(station, 2);
        Send(station, "currtime 8000 1");
        Tick(station, 4.4);
        Assert.Equal((8000, 32000), (R2(station).UserCurrentMilliA, R2(station).MaxCurrentMilliA));

        Tick(station, 0.1);
        Assert.Equal(8000, R2(station).MaxCurrentMilliA);
    }

    [Fact]
    public void Counts_down_a_delayed_currtime_in_Tmo_CT_and_cancels_it_with_currtime_0_0()
    {
        var station = Charging();
        Send(station, "currtime 12000 20");
        Tick(station, 5);
        Assert.Equal((12000, 15, 63000), (R2(station).TimerCurrentMilliA, R2(station).TimerRemainingS, R2(station).UserCurrentMilliA));

        Send(station, "currtime 0 0");
        Tick(station, 30);
        Assert.Equal((0, 0, 63000), (R2(station).TimerCurrentMilliA, R2(station).TimerRemainingS, R2(station).UserCurrentMilliA));
    }

    [Fact]
    public void Stops_without_pilot_delay_on_currtime_0_and_resumes_on_a_new_currtime()
    {
        var station = Charging();
        Send(station, "currtime 0 1");
        Tick(station, 1);
        Assert.Equal((5, 0, 0, 1000), (R2(station).State, R2(station).EnableSys, R2(station).MaxCurrentMilliA, R2(station).MaxCurrentPerMille));

        Send(station, "currtime 16000 1");
        Tick(station, 1);
        Assert.Equal(16000, R2(station).MaxCurrentMilliA);
    }

    [Fact]
    public void Keeps_ena_0_and_curr_across_unplug_but_resets_currtime_and_setenergy()
    {
        var station = Charging();
        Send(station, "curr 10000");
        Send(station, "setenergy 50000");
        Send(station, "ena 0");
        Assert.Equal((5, 0, 0), (R2(station).State, R2(station).EnableUser, R2(station).MaxCurrentMilliA));

        station.Unplug(_now);
        station.PlugIn(Car, _now);
        Assert.Equal((5, 10000, 0L), (R2(station).State, R2(station).UserCurrentMilliA, R2(station).EnergyLimitTenthsWh));

        Send(station, "currtime 12000 1");
        Tick(station, 1);
        station.Unplug(_now);
        Assert.Equal((1, 63000, 1), (R2(station).State, R2(station).UserCurrentMilliA, R2(station).EnableUser));
    }

    [Fact]
    public void Trips_the_failsafe_when_no_curr_currtime_or_ena_arrives_within_the_timeout()
    {
        var station = Charging();
        Send(station, "failsafe 10 0 0");
        Tick(station, 9);
        Send(station, "currtime 16000 1");
        Tick(station, 9);
        Send(station, "report 2");
        Assert.Equal(1, R2(station).EnableSys);

        Tick(station, 1.5);
        Assert.True(station.FailsafeTripped);
        Assert.Equal((5, 0, 0, 10), (R2(station).State, R2(station).EnableSys, R2(station).MaxCurrentMilliA, R2(station).FailsafeTimeoutS));

        Send(station, "currtime 16000 1");
        Tick(station, 1);
        Assert.False(station.FailsafeTripped);
        Assert.Equal(16000, R2(station).MaxCurrentMilliA);
    }

    [Fact]
    public void Falls_back_to_the_failsafe_current_with_Enable_sys_0()
    {
        var station = Charging();
        Send(station, "failsafe 10 6000 0");
        Tick(station, 10.5);
        Tick(station, 10);

        Assert.Equal((0, 6000, 6000), (R2(station).EnableSys, R2(station).MaxCurrentMilliA, R2(station).FailsafeCurrentMilliA));
        Assert.Equal(6000, station.Report3().I1MilliA);
    }

    [Fact]
    public void Stops_the_session_when_the_energy_limit_is_reached()
    {
        var station = Charging();
        Send(station, "setenergy 10000");
        Tick(station, 600, stepS: 10);

        Assert.Equal((5, 0), (R2(station).State, R2(station).EnableSys));
        var energy = station.Report3().SessionEnergyTenthsWh;
        Assert.InRange(energy, 10000, 10400);
    }

    [Fact]
    public void Requires_a_whitelisted_card_when_the_whitelist_is_not_empty()
    {
        var station = New(KebaStationProfile.CSeries("1") with { Whitelist = ["E3F76B8D"] });
        station.PlugIn(Car, _now);
        Assert.Equal((1, 1, 1, 0), (R2(station).State, R2(station).AuthOn, R2(station).AuthRequired, R2(station).MaxCurrentMilliA));

        Send(station, "start 0badcafe");
        Assert.Equal(1, R2(station).AuthRequired);

        station.PresentCard("e3f76b8d", _now);
        Tick(station, 3);
        Assert.Equal((3, 0), (R2(station).State, R2(station).AuthRequired));
        Assert.Equal("e3f76b8d00000000", station.SessionReport(100).RfidTag);

        Send(station, "stop e3f76b8d00000000");
        Assert.Equal((1, 1), (R2(station).State, R2(station).AuthRequired));
        Assert.Equal(10, station.SessionReport(101).Reason);
    }

    [Fact]
    public void Keeps_a_session_log_with_100_equal_to_101_until_the_next_session()
    {
        var station = Charging();
        Tick(station, 3600, stepS: 60);
        station.Unplug(_now);

        var first = station.SessionReport(100);
        Assert.Equal(first, station.SessionReport(101) with { ReportId = 100 });
        Assert.Equal((1L, 1), (first.SessionId, first.Reason));
        Assert.InRange(first.SessionEnergyTenthsWh, 100_000, 120_000);
        Assert.Equal("2026-03-01 08:00:00.000", first.Started);

        station.PlugIn(Car, _now);
        Assert.Equal((2L, 0), (station.SessionReport(100).SessionId, station.SessionReport(100).Reason));
        Assert.Equal(1L, station.SessionReport(101).SessionId);
        Assert.Equal(0L, station.SessionReport(102).SessionId);
        Assert.Equal(0L, station.Report3().SessionEnergyTenthsWh);
    }

    [Fact]
    public void Pushes_changes_and_E_pres_in_10_Wh_steps_to_the_last_commander()
    {
        var station = New();
        Assert.Null(station.LastCommander);
        Send(station, "report 2");
        station.TakePushMessages();
        station.PlugIn(Car, _now);
        Tick(station, 120);

        var pushes = station.TakePushMessages();
        Assert.Contains(new KebaPushMessage("Plug", 7), pushes);
        Assert.Contains(new KebaPushMessage("Max curr", 32000), pushes);
        Assert.Contains(new KebaPushMessage("State", 3), pushes);
        var energy = pushes.Select(p => p.Get("E pres")).OfType<long>().ToList();
        Assert.True(energy.Count > 10, "E pres is pushed while charging");
        Assert.All(energy.Zip(energy.Skip(1)), pair => Assert.InRange(pair.Second - pair.First, 85, 115));
        Assert.Equal(Controller, station.LastCommander);
    }

    [Fact]
    public void Switches_phases_only_from_source_4_and_not_twice_within_300_s()
    {
        var station = Charging();
        Assert.Equal(new KebaRejection("TCH-ERR:X2 : not allowed now"), Send(station, "x2 0"));
        Assert.Equal(new KebaAcknowledge(), Send(station, "x2src 4"));
        Assert.Equal(new KebaAcknowledge(), Send(station, "x2 0"));
        Tick(station, 1);
        Assert.Equal((0, 16000, 0), (R2(station).PhaseSwitch, station.Report3().I1MilliA, station.Report3().I2MilliA));

        Tick(station, 299);
        Assert.Equal(new KebaRejection("TCH-ERR:X2 : not allowed now"), Send(station, "x2 1"));
        Tick(station, 1);
        Assert.Equal(new KebaAcknowledge(), Send(station, "x2 1"));
    }

    [Fact]
    public void Answers_only_i_and_report_1_when_the_interface_switch_is_off()
    {
        var station = New();
        station.Faults.InterfaceDisabled = true;

        Assert.IsType<KebaFirmwareInfo>(Send(station, "i"));
        Assert.IsType<KebaReport1>(Send(station, "report 1"));
        Assert.Null(Send(station, "report 2"));
        Assert.Null(Send(station, "currtime 16000 1"));
    }

    [Fact]
    public void Ignores_invalid_commands_unless_told_to_acknowledge_them()
    {
        var station = New();
        Assert.Null(Send(station, "curr 100"));
        Assert.Equal("command 'curr': current must be 6000..63000 mA but was 100", station.LastRejected);
        Assert.Null(Send(station, "output 5"));

        station.Faults.AcknowledgeInvalidCommands = true;
        Assert.Equal(new KebaAcknowledge(), Send(station, "frobnicate"));
    }

    [Fact]
    public void Writes_version_dependent_fields_by_profile()
    {
        var legacy = New(KebaStationProfile.CSeriesLegacy("17012345"));
        var text2 = KebaCodec.Format(legacy.Report2());
        var text1 = KebaCodec.Format(legacy.Report1());
        Assert.DoesNotContain("X2 phaseSwitch", text2, StringComparison.Ordinal);
        Assert.DoesNotContain("DIP-Sw1", text1, StringComparison.Ordinal);
        Assert.Equal(0, R2(legacy).Plug);

        var current = New();
        Assert.Contains("\"X2 phaseSwitch source\": 0,\n\"X2 phaseSwitch\": 0,\n", KebaCodec.Format(current.Report2()), StringComparison.Ordinal);
        Assert.Contains("\"Firmware\":\"P30 v 3.10.57 (240521-093236)\",\n", KebaCodec.Format(current.Report1()), StringComparison.Ordinal);
        Assert.Equal(current.Report2(), KebaCodec.Parse(KebaCodec.Format(current.Report2())));

        var german = New(KebaStationProfile.GermanEdition("1"));
        german.PlugIn(Car, _now);
        Tick(german, 10);
        Assert.Equal(0, german.Report3().I1MilliA);
    }

    [Fact]
    public void Reports_Curr_HW_0_while_unplugged_as_firmware_3_9_10_does()
    {
        var station = New(KebaStationProfile.CSeries("1") with { Firmware = KebaFirmwareProfile.V3910 });
        Assert.Equal(0, R2(station).HardwareCurrentMilliA);
        station.PlugIn(Car, _now);
        Assert.Equal(32000, R2(station).HardwareCurrentMilliA);
    }

    [Fact]
    public void Forgets_udp_settings_and_history_on_reboot_but_keeps_a_persisted_failsafe()
    {
        var station = Charging();
        Send(station, "curr 10000");
        Send(station, "ena 0");
        Send(station, "failsafe 30 6000 1");
        Tick(station, 5);

        station.Reboot(_now);

        var r2 = R2(station);
        Assert.Equal((63000, 1, 30, 6000, 0L), (r2.UserCurrentMilliA, r2.EnableUser, r2.FailsafeTimeoutS, r2.FailsafeCurrentMilliA, r2.UptimeS));
        Assert.Equal((2L, 0), (station.SessionReport(100).SessionId, station.SessionReport(100).Reason)); // session IDs are never reset
        Assert.Equal(0L, station.SessionReport(101).SessionId);

        Send(station, "failsafe 30 6000 0");
        station.Reboot(_now);
        Assert.Equal(0, R2(station).FailsafeTimeoutS);
    }

    private static KebaReport2 R2(KebaStationModel station) => station.Report2();

    private KebaStationModel New(KebaStationProfile? profile = null) => new(profile ?? KebaStationProfile.CSeries("22054282"), _t0);

    private KebaStationModel Charging()
    {
        var station = New();
        station.PlugIn(Car, _now);
        Tick(station, 3);
        Assert.Equal(3, R2(station).State);
        return station;
    }

    private KebaMessage? Send(KebaStationModel station, string command) => station.Handle(command, Controller, _now);

    private void Tick(KebaStationModel station, double seconds, double stepS = 0.5)
    {
        var end = _now + TimeSpan.FromSeconds(seconds);
        while (_now < end)
        {
            var next = _now + TimeSpan.FromSeconds(stepS);
            _now = next < end ? next : end;
            station.Advance(_now);
        }
    }
}
