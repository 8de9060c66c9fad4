using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OpenCpm.Protocols.Keba;

/// <summary>
/// Text ⇄ records for what a KEBA station sends. <see cref="Parse(string)"/> classifies a datagram (report by
/// <c>ID</c>, <c>TCH-OK</c>, <c>TCH-ERR</c>, the brace-less firmware info, push messages with or without braces)
/// and throws <see cref="KebaProtocolException"/> with one sentence for anything else. <see cref="Format"/> writes
/// the real multi-line layout (used by the simulated station).
/// </summary>
public static class KebaCodec
{
    public const int MaxDatagramBytes = 512;

    private const long MaxCounter = 999_999_999;
    private const int MaxMilliA = 63_000;

    public static KebaMessage Parse(ReadOnlySpan<byte> datagram)
    {
        if (datagram.Length > 4 * MaxDatagramBytes)
        {
            throw new KebaProtocolException($"message is {datagram.Length.ToString(CultureInfo.InvariantCulture)} bytes long, more than a station ever sends");
        }

        return Parse(Encoding.Latin1.GetString(datagram));
    }

    public static KebaMessage Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim().Trim('\0').Trim();
        if (trimmed.Length == 0)
        {
            throw new KebaProtocolException("message is empty");
        }

        if (trimmed == "i")
        {
            return new KebaIdentifyEcho();
        }

        if (trimmed.StartsWith("TCH-OK", StringComparison.Ordinal))
        {
            return new KebaAcknowledge(trimmed);
        }

        if (trimmed.StartsWith("TCH-ERR", StringComparison.Ordinal))
        {
            return new KebaRejection(trimmed);
        }

        if (trimmed.StartsWith("started", StringComparison.Ordinal))
        {
            return new KebaStartupNotice(trimmed);
        }

        if (trimmed[0] == '"')
        {
            trimmed = "{" + trimmed + "}";
        }

        if (trimmed[0] != '{')
        {
            throw new KebaProtocolException($"message {Show(trimmed)} is not a KEBA report, acknowledgement or status message");
        }

        return ParseObject(trimmed);
    }

    /// <summary>Writes a message the way a P30 does: reports multi-line, pushes on one line, <c>TCH-OK :done</c> + LF.</summary>
    public static string Format(KebaMessage message) => message switch
    {
        KebaAcknowledge ack => ack.Text + "\n",
        KebaRejection rejection => rejection.Text + "\n",
        KebaFirmwareInfo info => "\"Firmware\":\"" + Escape(info.Firmware) + "\"",
        KebaStartupNotice notice => notice.Text,
        KebaIdentifyEcho => "i",
        KebaPushMessage push => "{" + string.Join(", ", push.Fields.Select(kv => "\"" + Escape(kv.Key) + "\": " + Invariant(kv.Value))) + "}",
        KebaReport1 r => KebaReportWriter.Write(r),
        KebaReport2 r => KebaReportWriter.Write(r),
        KebaReport3 r => KebaReportWriter.Write(r),
        KebaSessionReport r => KebaReportWriter.Write(r),
        _ => throw new ArgumentException($"Unknown KEBA message type {message.GetType().Name}.", nameof(message)),
    };

    internal static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    internal static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Show(string value)
    {
        var shown = new StringBuilder();
        foreach (var c in value.Length > 40 ? value[..40] : value)
        {
            shown.Append(c is < ' ' or > '~' ? '?' : c);
        }

        return "\"" + shown + (value.Length > 40 ? "…" : "") + "\"";
    }

    private static KebaMessage ParseObject(string json)
    {
        Dictionary<string, JsonElement> fields;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new KebaProtocolException($"message {Show(json)} is not a JSON object");
            }

            // Key spelling varies between firmware ("E pres" and "E Pres" are both seen): match keys ignoring case.
            fields = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                fields[property.Name.Trim()] = property.Value.Clone();
            }
        }
        catch (JsonException)
        {
            throw new KebaProtocolException($"message {Show(json)} is not valid JSON");
        }

        if (fields.TryGetValue("ID", out var idElement))
        {
            return ParseReport(idElement, fields);
        }

        if (fields.Count == 1 && fields.TryGetValue("Firmware", out var firmware) && firmware.ValueKind == JsonValueKind.String)
        {
            return new KebaFirmwareInfo(firmware.GetString()!.Trim());
        }

        if (fields.Count == 0)
        {
            throw new KebaProtocolException("status message has no fields");
        }

        var reader = new KebaFields("status message", fields);
        var values = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, element) in fields)
        {
            values[KebaFieldNames.Canonical(name)] = reader.Number(name, element);
        }

        return new KebaPushMessage(values);
    }

    private static KebaMessage ParseReport(JsonElement idElement, Dictionary<string, JsonElement> fields)
    {
        var idText = idElement.ValueKind switch
        {
            JsonValueKind.String => idElement.GetString()!.Trim(),
            JsonValueKind.Number => idElement.GetRawText(),
            _ => null,
        };
        if (!int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id is not (1 or 2 or 3 or (>= 100 and <= 130)))
        {
            throw new KebaProtocolException($"report 'ID' must be 1, 2, 3 or 100..130 but was {idElement.GetRawText()}");
        }

        var f = new KebaFields("report " + id.ToString(CultureInfo.InvariantCulture), fields);
        return id switch
        {
            1 => ParseReport1(f),
            2 => ParseReport2(f),
            3 => ParseReport3(f),
            _ => ParseSession(id, f),
        };
    }

    private static KebaReport1 ParseReport1(KebaFields f) => new()
    {
        Product = f.Text("Product"),
        Serial = f.Text("Serial"),
        Firmware = f.Text("Firmware"),
        ComModule = f.IntOrZero("COM-module", 0, 1),
        Backend = f.OptionalInt("Backend", 0, 1),
        TimeQuality = f.OptionalInt("timeQ", 0, 255),
        SetBoot = f.OptionalInt("setBoot", 0, 255),
        DipSwitch1 = f.OptionalHexByte("DIP-Sw1"),
        DipSwitch2 = f.OptionalHexByte("DIP-Sw2"),
        UptimeS = f.LongOrZero("Sec", 0, uint.MaxValue),
    };

    private static KebaReport2 ParseReport2(KebaFields f) => new()
    {
        State = f.Int("State", 0, 5),
        Error1 = f.IntOrZero("Error1", 0, int.MaxValue),
        Error2 = f.IntOrZero("Error2", 0, int.MaxValue),
        Plug = f.Int("Plug", 0, 7),
        AuthOn = f.IntOrZero("AuthON", 0, 1),
        AuthRequired = f.IntOrZero("Authreq", 0, 1),
        EnableSys = f.Int("Enable sys", 0, 1),
        EnableUser = f.IntOrZero("Enable user", 0, 1),
        MaxCurrentMilliA = f.Int("Max curr", 0, MaxMilliA),
        MaxCurrentPerMille = f.IntOrZero("Max curr %", 0, 1000),
        HardwareCurrentMilliA = f.IntOrZero("Curr HW", 0, MaxMilliA),
        UserCurrentMilliA = f.IntOrZero("Curr user", 0, MaxMilliA),
        FailsafeCurrentMilliA = f.IntOrZero("Curr FS", 0, MaxMilliA),
        FailsafeTimeoutS = f.IntOrZero("Tmo FS", 0, 600),
        TimerCurrentMilliA = f.IntOrZero("Curr timer", 0, MaxMilliA),
        TimerRemainingS = f.IntOrZero("Tmo CT", 0, 860_400),
        EnergyLimitTenthsWh = f.LongOrZero("Setenergy", 0, MaxCounter),
        Output = f.IntOrZero("Output", 0, 255),
        Input = f.IntOrZero("Input", 0, 1),
        PhaseSwitchSource = f.OptionalInt("X2 phaseSwitch source", 0, 4),
        PhaseSwitch = f.OptionalInt("X2 phaseSwitch", 0, 1),
        Serial = f.TextOrEmpty("Serial"),
        UptimeS = f.LongOrZero("Sec", 0, uint.MaxValue),
    };

    private static KebaReport3 ParseReport3(KebaFields f) => new()
    {
        U1V = f.IntOrZero("U1", 0, 999),
        U2V = f.IntOrZero("U2", 0, 999),
        U3V = f.IntOrZero("U3", 0, 999),
        I1MilliA = f.Int("I1", 0, 99_999),
        I2MilliA = f.Int("I2", 0, 99_999),
        I3MilliA = f.Int("I3", 0, 99_999),
        PowerMilliW = f.Long("P", 0, 99_999_999),
        PowerFactorPerMille = f.IntOrZero("PF", 0, 1000),
        SessionEnergyTenthsWh = f.Long("E pres", 0, MaxCounter),
        TotalEnergyTenthsWh = f.LongOrZero("E total", 0, MaxCounter),
        Serial = f.TextOrEmpty("Serial"),
        UptimeS = f.LongOrZero("Sec", 0, uint.MaxValue),
    };

    private static KebaSessionReport ParseSession(int id, KebaFields f) => new()
    {
        ReportId = id,
        SessionId = f.Long("Session ID", -1, uint.MaxValue),
        HardwareCurrentMilliA = f.IntOrZero("Curr HW", 0, MaxMilliA),
        StartEnergyTenthsWh = f.LongOrZero("E start", 0, MaxCounter),
        SessionEnergyTenthsWh = f.LongOrZero("E pres", 0, MaxCounter),
        StartedAt = KebaStationTime.Parse(f.TextOrEmpty("started"), f.LongOrZero("started[s]", 0, uint.MaxValue)),
        EndedAt = KebaStationTime.Parse(f.TextOrEmpty("ended"), f.LongOrZero("ended[s]", 0, uint.MaxValue)),
        Reason = f.IntOrZero("reason", 0, 255),
        TimeQuality = f.IntOrZero("timeQ", 0, 255),
        RfidTag = f.Has("RFID tag") ? f.Text("RFID tag") : "0000000000000000",
        RfidClass = f.Has("RFID class") ? f.Text("RFID class") : "00000000000000000000",
        Serial = f.TextOrEmpty("Serial"),
        UptimeS = f.LongOrZero("Sec", 0, uint.MaxValue),
    };
}
