using OpenCpm.Protocols.Keba;

namespace OpenCpm.Protocols.Tests.Keba;

/// <summary>Golden vectors built from real P30 samples (spec sections 3.3, 5, 6, 9.1) in the real multi-line layout.</summary>
public sealed class KebaCodecTests
{
    private const string Report1Fw31057 = "{\n\"ID\": \"1\",\n\"Product\": \"KC-P30-EC240422-E00\",\n\"Serial\": \"22054282\",\n\"Firmware\":\"P30 v 3.10.57 (240521-093236)\",\n\"COM-module\": 0,\n\"Backend\": 0,\n\"timeQ\": 3,\n\"setBoot\": 0,\n\"DIP-Sw1\": \"0x25\",\n\"DIP-Sw2\": \"0x02\",\n\"Sec\": 4711\n}\n";

    private const string Report1Fw3910 = "{\n\"ID\": \"1\",\n\"Product\": \"KC-P30-ES240022-E0R\",\n\"Serial\": \"17012345\",\n\"Firmware\":\"P30 v 3.9.10 (171113-103030)\",\n\"COM-module\": 0,\n\"Sec\": 9\n}\n";

    private const string Report2IdleNoCableDisabled = "{\n\"ID\": \"2\",\n\"State\": 1,\n\"Error1\": 0,\n\"Error2\": 0,\n\"Plug\": 0,\n\"AuthON\": 0,\n\"Authreq\": 0,\n\"Enable sys\": 0,\n\"Enable user\": 0,\n\"Max curr\": 0,\n\"Max curr %\": 1000,\n\"Curr HW\": 0,\n\"Curr user\": 16000,\n\"Curr FS\": 0,\n\"Tmo FS\": 0,\n\"Curr timer\": 0,\n\"Tmo CT\": 0,\n\"Setenergy\": 0,\n\"Output\": 0,\n\"Input\": 0,\n\"Serial\": \"17012345\",\n\"Sec\": 120\n}\n";

    private const string Report2RfidLocked = "{\n\"ID\": \"2\",\n\"State\": 1,\n\"Error1\": 0,\n\"Error2\": 0,\n\"Plug\": 3,\n\"AuthON\": 1,\n\"Authreq\": 1,\n\"Enable sys\": 0,\n\"Enable user\": 1,\n\"Max curr\": 0,\n\"Max curr %\": 1000,\n\"Curr HW\": 16000,\n\"Curr user\": 9000,\n\"Curr FS\": 0,\n\"Tmo FS\": 0,\n\"Curr timer\": 0,\n\"Tmo CT\": 0,\n\"Setenergy\": 0,\n\"Output\": 0,\n\"Input\": 0,\n\"X2 phaseSwitch source\": 0,\n\"X2 phaseSwitch\": 0,\n\"Serial\": \"22054282\",\n\"Sec\": 5000\n}\n";

    private const string Report2PluggedDisabled = "{\n\"ID\": \"2\",\n\"State\": 5,\n\"Error1\": 0,\n\"Error2\": 0,\n\"Plug\": 7,\n\"AuthON\": 0,\n\"Authreq\": 0,\n\"Enable sys\": 0,\n\"Enable user\": 0,\n\"Max curr\": 0,\n\"Max curr %\": 1000,\n\"Curr HW\": 32000,\n\"Curr user\": 10000,\n\"Curr FS\": 0,\n\"Tmo FS\": 0,\n\"Curr timer\": 0,\n\"Tmo CT\": 0,\n\"Setenergy\": 0,\n\"Output\": 0,\n\"Input\": 0,\n\"X2 phaseSwitch source\": 0,\n\"X2 phaseSwitch\": 1,\n\"Serial\": \"22054282\",\n\"Sec\": 86400\n}\n";

    private const string Report2Charging10A = "{\n\"ID\": \"2\",\n\"State\": 3,\n\"Error1\": 0,\n\"Error2\": 0,\n\"Plug\": 7,\n\"AuthON\": 0,\n\"Authreq\": 0,\n\"Enable sys\": 1,\n\"Enable user\": 1,\n\"Max curr\": 10000,\n\"Max curr %\": 166,\n\"Curr HW\": 16000,\n\"Curr user\": 6000,\n\"Curr FS\": 0,\n\"Tmo FS\": 0,\n\"Curr timer\": 0,\n\"Tmo CT\": 0,\n\"Setenergy\": 0,\n\"Output\": 20,\n\"Input\": 0,\n\"Serial\": \"18500123\",\n\"Sec\": 777\n}\n";

    private const string Report3Charging1Phase = "{\n\"ID\": \"3\",\n\"U1\": 228,\n\"U2\": 227,\n\"U3\": 0,\n\"I1\": 9075,\n\"I2\": 0,\n\"I3\": 0,\n\"P\": 1866156,\n\"PF\": 905,\n\"E pres\": 65302,\n\"E total\": 77478335,\n\"Serial\": \"22054282\",\n\"Sec\": 86500\n}\n";

    private const string Report101Deauthorized = "{\n\"ID\": \"101\",\n\"Session ID\": 73,\n\"Curr HW\": 32000,\n\"E start\": 77413033,\n\"E pres\": 65302,\n\"started[s]\": 80000,\n\"ended[s]\": 86600,\n\"started\": \"2024-06-01 08:00:00.000\",\n\"ended\": \"2024-06-01 09:50:00.000\",\n\"reason\": 10,\n\"timeQ\": 3,\n\"RFID tag\": \"e3f76b8d00000000\",\n\"RFID class\": \"01010400000000000000\",\n\"Serial\": \"22054282\",\n\"Sec\": 90000\n}\n";

    public static TheoryData<string, string, KebaMessage> Golden => new()
    {
        { "report 1, fw 3.10.57 with DIP switches", Report1Fw31057, new KebaReport1 { Product = "KC-P30-EC240422-E00", Serial = "22054282", Firmware = "P30 v 3.10.57 (240521-093236)", ComModule = 0, Backend = 0, TimeQuality = 3, SetBoot = 0, DipSwitch1 = 0x25, DipSwitch2 = 0x02, UptimeS = 4711 } },
        { "report 1, fw 3.9.10 without newer fields", Report1Fw3910, new KebaReport1 { Product = "KC-P30-ES240022-E0R", Serial = "17012345", Firmware = "P30 v 3.9.10 (171113-103030)", UptimeS = 9 } },
        { "report 2, idle, no cable, Enable user 0 (fw 3.9.10)", Report2IdleNoCableDisabled, new KebaReport2 { State = 1, Plug = 0, EnableSys = 0, EnableUser = 0, MaxCurrentMilliA = 0, MaxCurrentPerMille = 1000, HardwareCurrentMilliA = 0, UserCurrentMilliA = 16000, Serial = "17012345", UptimeS = 120 } },
        { "report 2, RFID locked, fixed cable", Report2RfidLocked, new KebaReport2 { State = 1, Plug = 3, AuthOn = 1, AuthRequired = 1, EnableSys = 0, EnableUser = 1, MaxCurrentMilliA = 0, MaxCurrentPerMille = 1000, HardwareCurrentMilliA = 16000, UserCurrentMilliA = 9000, PhaseSwitchSource = 0, PhaseSwitch = 0, Serial = "22054282", UptimeS = 5000 } },
        { "report 2, plugged, disabled (fw 3.10.57)", Report2PluggedDisabled, new KebaReport2 { State = 5, Plug = 7, EnableSys = 0, EnableUser = 0, MaxCurrentMilliA = 0, MaxCurrentPerMille = 1000, HardwareCurrentMilliA = 32000, UserCurrentMilliA = 10000, PhaseSwitchSource = 0, PhaseSwitch = 1, Serial = "22054282", UptimeS = 86400 } },
        { "report 2, charging 10 A, pulse output", Report2Charging10A, new KebaReport2 { State = 3, Plug = 7, EnableSys = 1, EnableUser = 1, MaxCurrentMilliA = 10000, MaxCurrentPerMille = 166, HardwareCurrentMilliA = 16000, UserCurrentMilliA = 6000, Output = 20, Serial = "18500123", UptimeS = 777 } },
        { "report 3, single-phase car charging", Report3Charging1Phase, new KebaReport3 { U1V = 228, U2V = 227, U3V = 0, I1MilliA = 9075, I2MilliA = 0, I3MilliA = 0, PowerMilliW = 1866156, PowerFactorPerMille = 905, SessionEnergyTenthsWh = 65302, TotalEnergyTenthsWh = 77478335, Serial = "22054282", UptimeS = 86500 } },
        { "report 101, session ended by card", Report101Deauthorized, new KebaSessionReport { ReportId = 101, SessionId = 73, HardwareCurrentMilliA = 32000, StartEnergyTenthsWh = 77413033, SessionEnergyTenthsWh = 65302, StartedUptimeS = 80000, EndedUptimeS = 86600, Started = "2024-06-01 08:00:00.000", Ended = "2024-06-01 09:50:00.000", Reason = 10, TimeQuality = 3, RfidTag = "e3f76b8d00000000", RfidClass = "01010400000000000000", Serial = "22054282", UptimeS = 90000 } },
        { "acknowledge", "TCH-OK :done\n", new KebaAcknowledge() },
        { "phase switch refused", "TCH-ERR:X2 : not allowed now\n", new KebaRejection("TCH-ERR:X2 : not allowed now") },
        { "firmware info (reply to i), no braces", "\"Firmware\":\"P30 v 3.10.27 (210105-174852)\"", new KebaFirmwareInfo("P30 v 3.10.27 (210105-174852)") },
        { "push E pres", "{\"E pres\": 29181}", new KebaPushMessage("E pres", 29181) },
        { "push State", "{\"State\": 3}", new KebaPushMessage("State", 3) },
        { "push Max curr", "{\"Max curr\": 16000}", new KebaPushMessage("Max curr", 16000) },
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
    public void Parses_bytes_as_text()
    {
        var message = KebaCodec.Parse("{\"E pres\": 12}"u8);
        Assert.Equal(new KebaPushMessage("E pres", 12), message);
    }

    [Fact]
    public void Rejects_oversized_datagrams()
    {
        var error = Assert.Throws<KebaProtocolException>(() => KebaCodec.Parse(new byte[5000]));
        Assert.Equal("message is 5000 bytes long, more than a station ever sends", error.Message);
    }
}
