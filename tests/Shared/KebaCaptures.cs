namespace OpenCpm.Tests.Shared;

/// <summary>
/// Replies of real KEBA P30 stations, by firmware, in the real multi-line layout (<c>{</c>, one <c>"key": value</c> per
/// line, <c>}</c> and a line feed; the Firmware line without a space). Keys, their order and the values are as captured
/// in public sources (noted per capture); where a source pretty-printed a reply, only the indentation was removed.
/// Vectors marked "composed" fill a capture's missing tail with the keys every other capture of that report has.
/// </summary>
internal static class KebaCaptures
{
    // fw 3.08.7, an early x-series (openHAB #2038, netcat): no Backend, timeQ, setBoot or DIP keys.
    public const string Report1V3087 = "{\n\"ID\": \"1\",\n\"Product\": \"KC-P30-EC2201C2-E00-CW\",\n\"Serial\": \"17759635\",\n\"Firmware\":\"P30 v 3.08.7 (170404-153240)\",\n\"COM-module\": 1,\n\"Sec\": 258938\n}\n";

    // fw 3.9.10, c-series socket, idle with nothing plugged: a connector test fixture ("a real response from the
    // charge station"). Backend and timeQ but no setBoot/DIP; no X2 keys; Curr HW 0; U, PF 0.
    public const string Report1V3910 = "{\n\"ID\": \"1\",\n\"Product\": \"KC-P30-ES240022-E0R\",\n\"Serial\": \"17643683\",\n\"Firmware\":\"P30 v 3.9.10 (171113-103030)\",\n\"COM-module\": 0,\n\"Backend\": 0,\n\"timeQ\": 2,\n\"Sec\": 67399365\n}\n";

    public const string Report2V3910 = "{\n\"ID\": \"2\",\n\"State\": 1,\n\"Error1\": 0,\n\"Error2\": 0,\n\"Plug\": 0,\n\"AuthON\": 0,\n\"Authreq\": 0,\n\"Enable sys\": 0,\n\"Enable user\": 0,\n\"Max curr\": 0,\n\"Max curr %\": 1000,\n\"Curr HW\": 0,\n\"Curr user\": 16000,\n\"Curr FS\": 0,\n\"Tmo FS\": 0,\n\"Curr timer\": 0,\n\"Tmo CT\": 0,\n\"Setenergy\": 0,\n\"Output\": 0,\n\"Input\": 0,\n\"Serial\": \"17643683\",\n\"Sec\": 67399365\n}\n";

    public const string Report3V3910 = "{\n\"ID\": \"3\",\n\"U1\": 0,\n\"U2\": 0,\n\"U3\": 0,\n\"I1\": 0,\n\"I2\": 0,\n\"I3\": 0,\n\"P\": 0,\n\"PF\": 0,\n\"E pres\": 330130,\n\"E total\": 4781461,\n\"Serial\": \"17643683\",\n\"Sec\": 67399365\n}\n";

    // fw 3.10.27: the i reply of a c-series (an integrator's write-up of a socat session).
    public const string FirmwareInfoV31027 = "\"Firmware\":\"P30 v 3.10.27 (210105-174852)\"";

    // fw 3.10.28, x-series (COM-module 1), vehicle plugged at State 2: comments of a home-automation app's API client.
    // DIP keys but no setBoot, no X2 keys; report 3 shows the mains voltage at State 2 with PF 0.
    public const string Report1V31028 = "{\n\"ID\": \"1\",\n\"Product\": \"KC-P30-EC2201C2-E00-CL\",\n\"Serial\": \"18235522\",\n\"Firmware\":\"P30 v 3.10.28 (210316-115052)\",\n\"COM-module\": 1,\n\"Backend\": 0,\n\"timeQ\": 3,\n\"DIP-Sw1\": \"0x24\",\n\"DIP-Sw2\": \"0x08\",\n\"Sec\": 225058\n}\n";

    public const string Report2V31028 = "{\n\"ID\": \"2\",\n\"State\": 2,\n\"Error1\": 0,\n\"Error2\": 0,\n\"Plug\": 7,\n\"AuthON\": 0,\n\"Authreq\": 0,\n\"Enable sys\": 1,\n\"Enable user\": 1,\n\"Max curr\": 13000,\n\"Max curr %\": 216,\n\"Curr HW\": 13000,\n\"Curr user\": 16000,\n\"Curr FS\": 0,\n\"Tmo FS\": 0,\n\"Curr timer\": 0,\n\"Tmo CT\": 0,\n\"Setenergy\": 0,\n\"Output\": 0,\n\"Input\": 0,\n\"Serial\": \"18235522\",\n\"Sec\": 225191\n}\n";

    public const string Report3V31028 = "{\n\"ID\": \"3\",\n\"U1\": 226,\n\"U2\": 231,\n\"U3\": 228,\n\"I1\": 0,\n\"I2\": 0,\n\"I3\": 0,\n\"P\": 0,\n\"PF\": 0,\n\"E pres\": 242901,\n\"E total\": 86291394,\n\"Serial\": \"18235522\",\n\"Sec\": 225257\n}\n";

    // fw 3.10.57, c-series: OpenEMS test fixtures. setBoot and DIP keys; X2 keys; with x2src 0 "X2 phaseSwitch" is 0;
    // a single-phase car charging: PF 905, P = U x I x PF.
    public const string Report1V31057 = "{\n\"ID\": \"1\",\n\"Product\": \"KC-P30-EC240422-E00\",\n\"Serial\": \"12345678\",\n\"Firmware\":\"P30 v 3.10.57 (240521-093236)\",\n\"COM-module\": 0,\n\"Backend\": 0,\n\"timeQ\": 3,\n\"setBoot\": 0,\n\"DIP-Sw1\": \"0x25\",\n\"DIP-Sw2\": \"0x02\",\n\"Sec\": 530786\n}\n";

    public const string Report2V31057PluggedDisabled = "{\n\"ID\": \"2\",\n\"State\": 5,\n\"Error1\": 0,\n\"Error2\": 0,\n\"Plug\": 7,\n\"AuthON\": 0,\n\"Authreq\": 0,\n\"Enable sys\": 0,\n\"Enable user\": 0,\n\"Max curr\": 0,\n\"Max curr %\": 1000,\n\"Curr HW\": 32000,\n\"Curr user\": 10000,\n\"Curr FS\": 0,\n\"Tmo FS\": 0,\n\"Curr timer\": 0,\n\"Tmo CT\": 0,\n\"Setenergy\": 0,\n\"Output\": 0,\n\"Input\": 0,\n\"X2 phaseSwitch source\": 0,\n\"X2 phaseSwitch\": 0,\n\"Serial\": \"22054282\",\n\"Sec\": 530786\n}\n";

    public const string Report3V31057Charging1Phase = "{\n\"ID\": \"3\",\n\"U1\": 228,\n\"U2\": 227,\n\"U3\": 0,\n\"I1\": 9075,\n\"I2\": 0,\n\"I3\": 0,\n\"P\": 1866156,\n\"PF\": 905,\n\"E pres\": 65302,\n\"E total\": 77478335,\n\"Serial\": \"22054282\",\n\"Sec\": 534926\n}\n";

    // A c-series plugged and disabled (State 5): U1-U3 and PF read 0 although a vehicle is connected (comments of a
    // public C# connector).
    public const string Report3CSeriesPluggedDisabled = "{\n\"ID\": \"3\",\n\"U1\": 0,\n\"U2\": 0,\n\"U3\": 0,\n\"I1\": 0,\n\"I2\": 0,\n\"I3\": 0,\n\"P\": 0,\n\"PF\": 0,\n\"E pres\": 164170,\n\"E total\": 94751800,\n\"Serial\": \"22588720\",\n\"Sec\": 45306\n}\n";

    // Session log, clock set: started[s]/ended[s] are Unix seconds matching the strings (a logger script's comment;
    // this station's timeQ read 0 although its clock was set).
    public const string Report101ClockSet = "{\n\"ID\": \"101\",\n\"Session ID\": 100,\n\"Curr HW\": 16000,\n\"E start\": 12589896,\n\"E pres\": 126722,\n\"started[s]\": 1551996481,\n\"ended[s]\": 1552025482,\n\"started\": \"2019-03-07 22:08:01.000\",\n\"ended\": \"2019-03-08 06:11:22.000\",\n\"reason\": 1,\n\"timeQ\": 0,\n\"RFID tag\": \"058ae8d183a00000\",\n\"RFID class\": \"00000000000000000000\",\n\"Serial\": \"18690130\",\n\"Sec\": 9114914\n}\n";

    // Session log, clock set, timeQ 3 (a .NET wallbox library's doc comment; that reply has no "RFID tag" line).
    public const string Report100ClockSetNoTag = "{\n\"ID\": \"100\",\n\"Session ID\": 43,\n\"Curr HW\": 20000,\n\"E start\": 5062978,\n\"E pres\": 239738,\n\"started[s]\": 1547187752,\n\"ended[s]\": 1547205057,\n\"started\": \"2019-01-11 06:22:32.000\",\n\"ended\": \"2019-01-11 11:10:57.000\",\n\"reason\": 1,\n\"timeQ\": 3,\n\"RFID class\": \"01010200000000000000\",\n\"Serial\": \"18711747\",\n\"Sec\": 274727\n}\n";

    // Session log, clock never set, session running (composed): the times of a session-logger's fixtures
    // ("started[s]": 191012, "started": "191012000", "ended[s]": 0, "ended": "0", "Sec": 195395), keys and order of
    // Report101ClockSet, timeQ 0.
    public const string Report100NoClockRunning = "{\n\"ID\": \"100\",\n\"Session ID\": 12,\n\"Curr HW\": 32000,\n\"E start\": 4711000,\n\"E pres\": 71077,\n\"started[s]\": 191012,\n\"ended[s]\": 0,\n\"started\": \"191012000\",\n\"ended\": \"0\",\n\"reason\": 0,\n\"timeQ\": 0,\n\"RFID tag\": \"0000000000000000\",\n\"RFID class\": \"00000000000000000000\",\n\"Serial\": \"22054282\",\n\"Sec\": 195395\n}\n";

    // The same logger's fixture spells the session energy "E Pres" (flat, as its fixture has it).
    public const string Report100CapitalPres = "{\"ID\": \"100\", \"Session ID\": 11, \"E Pres\": 65400, \"Sec\": 195395, \"started[s]\": 182170, \"ended[s]\": 184901, \"started\": \"182170000\", \"ended\": \"184901000\", \"reason\": 1}";

    // Transient State 4 right after a plug-in on a P30 x-series (evcc #8762, composed): State 4, Error1 6, Error2
    // 32769, Plug 7, Enable sys 1, Enable user 1, Max curr 0, Max curr % 1000, Curr HW 20000, Curr user 6000,
    // Curr FS 0 as logged; the rest as an idle 3.10.57 report 2.
    public const string Report2TransientError = "{\n\"ID\": \"2\",\n\"State\": 4,\n\"Error1\": 6,\n\"Error2\": 32769,\n\"Plug\": 7,\n\"AuthON\": 0,\n\"Authreq\": 0,\n\"Enable sys\": 1,\n\"Enable user\": 1,\n\"Max curr\": 0,\n\"Max curr %\": 1000,\n\"Curr HW\": 20000,\n\"Curr user\": 6000,\n\"Curr FS\": 0,\n\"Tmo FS\": 0,\n\"Curr timer\": 0,\n\"Tmo CT\": 0,\n\"Setenergy\": 0,\n\"Output\": 0,\n\"Input\": 0,\n\"X2 phaseSwitch source\": 0,\n\"X2 phaseSwitch\": 0,\n\"Serial\": \"22054282\",\n\"Sec\": 530786\n}\n";
}
