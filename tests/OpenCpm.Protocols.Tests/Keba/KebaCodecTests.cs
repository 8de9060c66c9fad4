using OpenCpm.Protocols.Keba;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Protocols.Tests.Keba;

/// <summary>Golden vectors: real P30 replies by firmware (<see cref="KebaCaptures"/>) and spec samples, in the real multi-line layout, both ways.</summary>
public sealed class KebaCodecTests
{
    private const string Report2RfidLocked = "{\n\"ID\": \"2\",\n\"State\": 1,\n\"Error1\": 0,\n\"Error2\": 0,\n\"Plug\": 3,\n\"AuthON\": 1,\n\"Authreq\": 1,\n\"Enable sys\": 0,\n\"Enable user\": 1,\n\"Max curr\": 0,\n\"Max curr %\": 1000,\n\"Curr HW\": 16000,\n\"Curr user\": 9000,\n\"Curr FS\": 0,\n\"Tmo FS\": 0,\n\"Curr timer\": 0,\n\"Tmo CT\": 0,\n\"Setenergy\": 0,\n\"Output\": 0,\n\"Input\": 0,\n\"X2 phaseSwitch source\": 0,\n\"X2 phaseSwitch\": 0,\n\"Serial\": \"22054282\",\n\"Sec\": 5000\n}\n";

    private const string Report2Charging10A = "{\n\"ID\": \"2\",\n\"State\": 3,\n\"Error1\": 0,\n\"Error2\": 0,\n\"Plug\": 7,\n\"AuthON\": 0,\n\"Authreq\": 0,\n\"Enable sys\": 1,\n\"Enable user\": 1,\n\"Max curr\": 10000,\n\"Max curr %\": 166,\n\"Curr HW\": 16000,\n\"Curr user\": 6000,\n\"Curr FS\": 0,\n\"Tmo FS\": 0,\n\"Curr timer\": 0,\n\"Tmo CT\": 0,\n\"Setenergy\": 0,\n\"Output\": 20,\n\"Input\": 0,\n\"Serial\": \"18500123\",\n\"Sec\": 777\n}\n";

    public static TheoryData<string, string, KebaMessage> Golden => new()
    {
        { "report 1, fw 3.08.7 x-series without Backend or timeQ", KebaCaptures.Report1V3087, new KebaReport1 { Product = "KC-P30-EC2201C2-E00-CW", Serial = "17759635", Firmware = "P30 v 3.08.7 (170404-153240)", ComModule = 1, UptimeS = 258938 } },
        { "report 1, fw 3.9.10: Backend and timeQ, no setBoot or DIP", KebaCaptures.Report1V3910, new KebaReport1 { Product = "KC-P30-ES240022-E0R", Serial = "17643683", Firmware = "P30 v 3.9.10 (171113-103030)", Backend = 0, TimeQuality = 2, UptimeS = 67399365 } },
        { "report 2, fw 3.9.10 idle: no X2 keys, Curr HW 0", KebaCaptures.Report2V3910, new KebaReport2 { State = 1, Plug = 0, EnableSys = 0, EnableUser = 0, MaxCurrentMilliA = 0, MaxCurrentPerMille = 1000, HardwareCurrentMilliA = 0, UserCurrentMilliA = 16000, Serial = "17643683", UptimeS = 67399365 } },
        { "report 3, fw 3.9.10 idle: U and PF 0", KebaCaptures.Report3V3910, new KebaReport3 { I1MilliA = 0, I2MilliA = 0, I3MilliA = 0, PowerMilliW = 0, SessionEnergyTenthsWh = 330130, TotalEnergyTenthsWh = 4781461, Serial = "17643683", UptimeS = 67399365 } },
        { "report 1, fw 3.10.28 x-series: DIP but no setBoot", KebaCaptures.Report1V31028, new KebaReport1 { Product = "KC-P30-EC2201C2-E00-CL", Serial = "18235522", Firmware = "P30 v 3.10.28 (210316-115052)", ComModule = 1, Backend = 0, TimeQuality = 3, DipSwitch1 = 0x24, DipSwitch2 = 0x08, UptimeS = 225058 } },
        { "report 2, fw 3.10.28 State 2: no X2 keys", KebaCaptures.Report2V31028, new KebaReport2 { State = 2, Plug = 7, EnableSys = 1, EnableUser = 1, MaxCurrentMilliA = 13000, MaxCurrentPerMille = 216, HardwareCurrentMilliA = 13000, UserCurrentMilliA = 16000, Serial = "18235522", UptimeS = 225191 } },
        { "report 3, fw 3.10.28 x-series at State 2: voltage, PF 0", KebaCaptures.Report3V31028, new KebaReport3 { U1V = 226, U2V = 231, U3V = 228, I1MilliA = 0, I2MilliA = 0, I3MilliA = 0, PowerMilliW = 0, SessionEnergyTenthsWh = 242901, TotalEnergyTenthsWh = 86291394, Serial = "18235522", UptimeS = 225257 } },
        { "report 1, fw 3.10.57: setBoot and DIP", KebaCaptures.Report1V31057, new KebaReport1 { Product = "KC-P30-EC240422-E00", Serial = "12345678", Firmware = "P30 v 3.10.57 (240521-093236)", Backend = 0, TimeQuality = 3, SetBoot = 0, DipSwitch1 = 0x25, DipSwitch2 = 0x02, UptimeS = 530786 } },
        { "report 2, fw 3.10.57 plugged, disabled, x2src 0: X2 phaseSwitch 0", KebaCaptures.Report2V31057PluggedDisabled, new KebaReport2 { State = 5, Plug = 7, EnableSys = 0, EnableUser = 0, MaxCurrentMilliA = 0, MaxCurrentPerMille = 1000, HardwareCurrentMilliA = 32000, UserCurrentMilliA = 10000, PhaseSwitchSource = 0, PhaseSwitch = 0, Serial = "22054282", UptimeS = 530786 } },
        { "report 3, fw 3.10.57 single-phase car: PF 905", KebaCaptures.Report3V31057Charging1Phase, new KebaReport3 { U1V = 228, U2V = 227, U3V = 0, I1MilliA = 9075, I2MilliA = 0, I3MilliA = 0, PowerMilliW = 1866156, PowerFactorPerMille = 905, SessionEnergyTenthsWh = 65302, TotalEnergyTenthsWh = 77478335, Serial = "22054282", UptimeS = 534926 } },
        { "report 3, c-series plugged and disabled: 0 V", KebaCaptures.Report3CSeriesPluggedDisabled, new KebaReport3 { I1MilliA = 0, I2MilliA = 0, I3MilliA = 0, PowerMilliW = 0, SessionEnergyTenthsWh = 164170, TotalEnergyTenthsWh = 94751800, Serial = "22588720", UptimeS = 45306 } },
        { "report 2, transient State 4 at plug-in (x-series)", KebaCaptures.Report2TransientError, new KebaReport2 { State = 4, Error1 = 6, Error2 = 32769, Plug = 7, EnableSys = 1, EnableUser = 1, MaxCurrentMilliA = 0, MaxCurrentPerMille = 1000, HardwareCurrentMilliA = 20000, UserCurrentMilliA = 6000, PhaseSwitchSource = 0, PhaseSwitch = 0, Serial = "22054282", UptimeS = 530786 } },
        { "report 2, RFID locked, fixed cable", Report2RfidLocked, new KebaReport2 { State = 1, Plug = 3, AuthOn = 1, AuthRequired = 1, EnableSys = 0, EnableUser = 1, MaxCurrentMilliA = 0, MaxCurrentPerMille = 1000, HardwareCurrentMilliA = 16000, UserCurrentMilliA = 9000, PhaseSwitchSource = 0, PhaseSwitch = 0, Serial = "22054282", UptimeS = 5000 } },
        { "report 2, charging 10 A, pulse output", Report2Charging10A, new KebaReport2 { State = 3, Plug = 7, EnableSys = 1, EnableUser = 1, MaxCurrentMilliA = 10000, MaxCurrentPerMille = 166, HardwareCurrentMilliA = 16000, UserCurrentMilliA = 6000, Output = 20, Serial = "18500123", UptimeS = 777 } },
        { "report 101, clock set: Unix seconds matching the strings", KebaCaptures.Report101ClockSet, new KebaSessionReport { ReportId = 101, SessionId = 100, HardwareCurrentMilliA = 16000, StartEnergyTenthsWh = 12589896, SessionEnergyTenthsWh = 126722, StartedAt = Utc(1551996481), EndedAt = Utc(1552025482), Reason = 1, TimeQuality = 0, RfidTag = "058ae8d183a00000", Serial = "18690130", UptimeS = 9114914 } },
        { "report 100, clock never set, running: uptime digits", KebaCaptures.Report100NoClockRunning, new KebaSessionReport { ReportId = 100, SessionId = 12, HardwareCurrentMilliA = 32000, StartEnergyTenthsWh = 4711000, SessionEnergyTenthsWh = 71077, StartedAt = KebaStationTime.AfterBoot(TimeSpan.FromSeconds(191012)), EndedAt = KebaStationTime.Unknown, Serial = "22054282", UptimeS = 195395 } },
        { "acknowledge", "TCH-OK :done\n", new KebaAcknowledge() },
        { "phase switch refused", "TCH-ERR:X2 : not allowed now\n", new KebaRejection("TCH-ERR:X2 : not allowed now") },
        { "firmware info (reply to i), no braces", KebaCaptures.FirmwareInfoV31027, new KebaFirmwareInfo("P30 v 3.10.27 (210105-174852)") },
        { "push E pres", "{\"E pres\": 29181}", new KebaPushMessage("E pres", 29181) },
        { "push State", "{\"State\": 3}", new KebaPushMessage("State", 3) },
        { "push Max curr", "{\"Max curr\": 16000}", new KebaPushMessage("Max curr", 16000) },
        { "push Input (X1 closed)", "{\"Input\": 1}", new KebaPushMessage("Input", 1) },
    };

    public static TheoryData<string, string, KebaMessage> ParseOnly => new()
    {
        { "brace-less push", "\"State\": 3", new KebaPushMessage("State", 3) },
        { "push with a trailing line feed", "{\"Plug\": 7}\n", new KebaPushMessage("Plug", 7) },
        { "acknowledge without line feed", "TCH-OK :done", new KebaAcknowledge() },
        { "own discovery echo", "i", new KebaIdentifyEcho() },
        { "start-up notice", "started 3.10.57", new KebaStartupNotice("started 3.10.57") },
        { "firmware info with spaces and CRLF", "  \"Firmware\": \"P30 v 3.10.80 (251002-115400)\"\r\n", new KebaFirmwareInfo("P30 v 3.10.80 (251002-115400)") },
        { "report 1, P20 product with trailing spaces, unknown field", "{\n\"ID\": \"1\",\n\"Product\": \"KC-P20-ES240010-000 \",\n\"Serial\": \"15017355\",\n\"Firmware\":\"KEBA P20 v 2.01m11 (140610-073512)\",\n\"COM-module\": 0,\n\"Future\": [1, 2],\n\"Sec\": 1\n}\n", new KebaReport1 { Product = "KC-P20-ES240010-000", Serial = "15017355", Firmware = "KEBA P20 v 2.01m11 (140610-073512)", UptimeS = 1 } },
        { "report 100, clock set, without an RFID tag line", KebaCaptures.Report100ClockSetNoTag, new KebaSessionReport { ReportId = 100, SessionId = 43, HardwareCurrentMilliA = 20000, StartEnergyTenthsWh = 5062978, SessionEnergyTenthsWh = 239738, StartedAt = Utc(1547187752), EndedAt = Utc(1547205057), Reason = 1, TimeQuality = 3, RfidClass = "01010200000000000000", Serial = "18711747", UptimeS = 274727 } },
        { "report 100 spelling E Pres, flat", KebaCaptures.Report100CapitalPres, new KebaSessionReport { ReportId = 100, SessionId = 11, SessionEnergyTenthsWh = 65400, StartedAt = KebaStationTime.AfterBoot(TimeSpan.FromSeconds(182170)), EndedAt = KebaStationTime.AfterBoot(TimeSpan.FromSeconds(184901)), Reason = 1, UptimeS = 195395 } },
        { "push spelling E Pres", "{\"E Pres\": 81159}", new KebaPushMessage("E pres", 81159) },
        { "report 3 spelling E Pres and E Total", "{\"ID\": \"3\", \"I1\": 0, \"I2\": 0, \"I3\": 0, \"P\": 0, \"E Pres\": 12, \"E Total\": 99}", new KebaReport3 { I1MilliA = 0, I2MilliA = 0, I3MilliA = 0, PowerMilliW = 0, SessionEnergyTenthsWh = 12, TotalEnergyTenthsWh = 99 } },
        { "report 3 with quoted number and missing optional fields", "{\"ID\": \"3\", \"I1\": \"16000\", \"I2\": 0, \"I3\": 0, \"P\": 3680000, \"E pres\": 10}", new KebaReport3 { I1MilliA = 16000, I2MilliA = 0, I3MilliA = 0, PowerMilliW = 3680000, SessionEnergyTenthsWh = 10 } },
    };

    public static TheoryData<string, string> Malformed => new()
    {
        { "", "message is empty" },
        { "  \n ", "message is empty" },
        { "hello", "message \"hello\" is not a KEBA report, acknowledgement or status message" },
        { "[1, 2]", "message \"[1, 2]\" is not a KEBA report, acknowledgement or status message" },
        { "{\"ID\": \"2\", \"State\": ", "message \"{\"ID\": \"2\", \"State\":\" is not valid JSON" },
        { "{\"ID\": \"7\"}", "report 'ID' must be 1, 2, 3 or 100..130 but was \"7\"" },
        { "{\"ID\": true}", "report 'ID' must be 1, 2, 3 or 100..130 but was true" },
        { "{\"ID\": \"2\", \"State\": 9, \"Plug\": 0, \"Enable sys\": 0, \"Max curr\": 0}", "report 2: 'State' must be 0..5 but was 9" },
        { "{\"ID\": \"2\", \"State\": 1.5, \"Plug\": 0, \"Enable sys\": 0, \"Max curr\": 0}", "report 2: 'State' must be a whole number but was 1.5" },
        { "{\"ID\": \"2\", \"State\": 3}", "report 2: 'Plug' is missing" },
        { "{\"ID\": \"2\", \"State\": 3, \"Plug\": 7, \"Enable sys\": 1, \"Max curr\": 70000}", "report 2: 'Max curr' must be 0..63000 but was 70000" },
        { "{\"ID\": \"3\", \"I1\": \"x\"}", "report 3: 'I1' must be a number but was \"x\"" },
        { "{\"ID\": \"3\", \"I1\": 0, \"I2\": 0, \"I3\": 0, \"P\": -5, \"E pres\": 0}", "report 3: 'P' must be 0..99999999 but was -5" },
        { "{\"ID\": \"1\", \"Product\": \"KC-P30-EC240422-E00\", \"Serial\": \"1\", \"Firmware\": \"f\", \"DIP-Sw1\": \"zz\"}", "report 1: 'DIP-Sw1' must be a hex byte like \"0x25\" but was \"zz\"" },
        { "{\"ID\": \"1\", \"Serial\": \"1\", \"Firmware\": \"f\"}", "report 1: 'Product' is missing" },
        { "{\"ID\": \"100\", \"E pres\": 3}", "report 100: 'Session ID' is missing" },
        { "{\"State\": \"on\"}", "status message: 'State' must be a number but was \"on\"" },
        { "{}", "status message has no fields" },
    };

    [Theory]
    [MemberData(nameof(Golden))]
    public void Parses_golden_vectors(string name, string wire, KebaMessage expected)
    {
        Assert.NotNull(name);
        Assert.Equal(expected, KebaCodec.Parse(wire));
    }

    [Theory]
    [MemberData(nameof(Golden))]
    public void Formats_golden_vectors_in_the_real_layout(string name, string wire, KebaMessage message)
    {
        Assert.NotNull(name);
        Assert.Equal(wire, KebaCodec.Format(message));
    }

    [Theory]
    [MemberData(nameof(ParseOnly))]
    public void Tolerates_real_world_variants(string name, string wire, KebaMessage expected)
    {
        Assert.NotNull(name);
        Assert.Equal(expected, KebaCodec.Parse(wire));
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Rejects_malformed_input_with_a_sentence_naming_the_field(string wire, string error) =>
        Assert.Equal(error, Assert.Throws<KebaProtocolException>(() => KebaCodec.Parse(wire)).Message);

    [Fact]
    public void Names_a_pushed_field_in_its_usual_spelling_whatever_case_it_came_in()
    {
        var push = Assert.IsType<KebaPushMessage>(KebaCodec.Parse("{\"E Pres\": 81159}"));

        Assert.Equal(["E pres"], push.Fields.Keys);
        Assert.Equal(81159, push.Get("E pres"));
        Assert.Equal(81159, push.Get("e PRES"));
        Assert.Null(push.Get("State"));
    }

    [Fact]
    public void Reads_the_typed_times_of_the_issue_example_and_of_a_station_without_clock()
    {
        var set = Assert.IsType<KebaSessionReport>(KebaCodec.Parse(KebaCaptures.Report100ClockSetNoTag));
        var unset = Assert.IsType<KebaSessionReport>(KebaCodec.Parse(KebaCaptures.Report100NoClockRunning));
        var receivedAt = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2019, 1, 11, 6, 22, 32, TimeSpan.Zero), set.StartedAt.Utc);
        Assert.Equal(("2019-01-11 06:22:32.000", "2019-01-11 11:10:57.000"), (set.Started, set.Ended));
        Assert.Equal(KebaTimeKind.SinceBoot, unset.StartedAt.Kind);
        Assert.Equal(receivedAt - TimeSpan.FromSeconds(195395 - 191012), unset.StartedAt.ToUtc(unset.BootedAt(receivedAt)));
        Assert.Equal((KebaTimeKind.Unknown, "0"), (unset.EndedAt.Kind, unset.Ended));
    }

    [Fact]
    public void Parses_bytes_as_text()
    {
        var message = KebaCodec.Parse("{\"E pres\": 12}"u8);
        Assert.Equal(new KebaPushMessage("E pres", 12), message);
    }

    private static KebaStationTime Utc(long unixSeconds) => KebaStationTime.AtUtc(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

    [Fact]
    public void Rejects_oversized_datagrams()
    {
        var error = Assert.Throws<KebaProtocolException>(() => KebaCodec.Parse(new byte[5000]));
        Assert.Equal("message is 5000 bytes long, more than a station ever sends", error.Message);
    }
}
