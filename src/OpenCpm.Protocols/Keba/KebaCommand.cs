using System.Globalization;

namespace OpenCpm.Protocols.Keba;

/// <summary>
/// One UDP command: lowercase keyword and space-separated arguments, ASCII, no line end. The factories format
/// valid commands for the driver; <see cref="Parse"/> reads and validates one for the simulated station.
/// </summary>
public sealed record KebaCommand
{
    private KebaCommand(string keyword, IReadOnlyList<string> arguments)
    {
        Keyword = keyword;
        Arguments = arguments;
        Text = arguments.Count == 0 ? keyword : keyword + " " + string.Join(' ', arguments);
    }

    public string Keyword { get; }

    /// <summary>The exact datagram text.</summary>
    public string Text { get; }

    public IReadOnlyList<string> Arguments { get; }

    public KebaReplyKind ExpectedReply => Keyword switch
    {
        "i" => KebaReplyKind.Firmware,
        "report" => KebaReplyKind.Report,
        "output" when Number(0) is >= 2 and <= 9 => KebaReplyKind.None,
        _ => KebaReplyKind.Acknowledge,
    };

    /// <summary>The report ID a <c>report</c> command asks for.</summary>
    public int? ReportId => Keyword == "report" ? (int)Number(0) : null;

    /// <summary>Commands after which a station needs about 1 s and wants 2 s of quiet: <c>ena 0</c>, <c>currtime 0 …</c>.</summary>
    public bool IsDisabling => (Keyword == "ena" && Number(0) == 0) || (Keyword == "currtime" && Number(0) == 0 && Number(1) > 0);

    public bool IsPhaseSwitch => Keyword == "x2";

    public static KebaCommand Identify() => new("i", []);

    public static KebaCommand Report(int id) => Checked("report", id);

    /// <summary><c>currtime &lt;mA&gt; &lt;s&gt;</c>: 0 = stop, else 6000–63000 mA, after <paramref name="delayS"/> seconds.</summary>
    public static KebaCommand CurrTime(int milliA, int delayS = 1) => Checked("currtime", milliA, delayS);

    public static KebaCommand Curr(int milliA) => Checked("curr", milliA);

    public static KebaCommand Enable(bool enabled) => Checked("ena", enabled ? 1 : 0);

    public static KebaCommand Failsafe(int timeoutS, int milliA, bool persist) => Checked("failsafe", timeoutS, milliA, persist ? 1 : 0);

    public static KebaCommand SetEnergy(long tenthsWh) => Checked("setenergy", tenthsWh);

    public static KebaCommand Output(int value) => Checked("output", value);

    public static KebaCommand Unlock() => new("unlock", []);

    public static KebaCommand SetDateTime(long unixSeconds) => Checked("setdatetime", unixSeconds);

    public static KebaCommand PhaseSwitchSource(int source) => Checked("x2src", source);

    public static KebaCommand PhaseSwitch(bool threePhase) => Checked("x2", threePhase ? 1 : 0);

    /// <summary><c>start &lt;tag&gt; [&lt;class&gt;]</c>: authorize as if the card was presented.</summary>
    public static KebaCommand Start(string tag, string? tagClass = null) =>
        Parse(tagClass is null ? "start " + tag : "start " + tag + " " + tagClass);

    public static KebaCommand Stop(string tag) => Parse("stop " + tag);

    /// <summary><c>display 0 0 0 0 text</c> (default timing) or with min/max seconds; spaces become <c>$</c>, at most 23 characters.</summary>
    public static KebaCommand Display(string text, int? minS = null, int? maxS = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var wire = new string([.. text.Select(c => c is ' ' ? '$' : c is < '!' or > '~' ? '?' : c)]);
        if (wire.Length > 23)
        {
            wire = wire[..23];
        }

        if (wire.Length == 0)
        {
            wire = "$";
        }

        var timed = minS is not null || maxS is not null;
        return Parse(FormattableString.Invariant($"display {(timed ? 1 : 0)} {minS ?? 0} {maxS ?? 0} 0 {wire}"));
    }

    /// <summary>Reads one command as a station would; throws <see cref="KebaProtocolException"/> naming the bad argument.</summary>
    public static KebaCommand Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().Trim('\0').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw new KebaProtocolException("command is empty");
        }

        var keyword = parts[0];
        var args = parts[1..];
        switch (keyword)
        {
            case "i":
            case "unlock":
                Count(keyword, args, 0, 0, "");
                break;
            case "report":
                Count(keyword, args, 1, 1, "report number");
                Range(keyword, "report number", "", args[0], n => n is 1 or 2 or 3 or (>= 100 and <= 130), "1, 2, 3 or 100..130");
                break;
            case "currtime":
                Count(keyword, args, 2, 2, "current in mA and delay in s");
                Current(keyword, args[0], allowZero: true);
                Range(keyword, "delay", " s", args[1], n => n is >= 0 and <= 860_400, "0..860400");
                break;
            case "curr":
                Count(keyword, args, 1, 1, "current in mA");
                Current(keyword, args[0], allowZero: false);
                break;
            case "ena":
            case "x2":
                Count(keyword, args, 1, 1, "0 or 1");
                Range(keyword, "value", "", args[0], n => n is 0 or 1, "0 or 1");
                break;
            case "failsafe":
                Count(keyword, args, 3, 3, "timeout in s, current in mA and persist flag");
                Range(keyword, "timeout", " s", args[0], n => n is 0 or (>= 10 and <= 600), "0 or 10..600");
                Current(keyword, args[1], allowZero: true);
                Range(keyword, "persist flag", "", args[2], n => n is 0 or 1, "0 or 1");
                break;
            case "setenergy":
                Count(keyword, args, 1, 1, "energy in 0.1 Wh");
                Range(keyword, "energy", " (0.1 Wh)", args[0], n => n is >= 0 and <= 999_999_999, "0..999999999");
                break;
            case "output":
                Count(keyword, args, 1, 1, "output value");
                Range(keyword, "output value", "", args[0], n => n is >= 0 and <= 150, "0..150");
                break;
            case "setdatetime":
                Count(keyword, args, 1, 1, "Unix time in s");
                Range(keyword, "time", " s", args[0], n => n >= 0, "0 or more");
                break;
            case "x2src":
                Count(keyword, args, 1, 1, "source 0..4");
                Range(keyword, "source", "", args[0], n => n is >= 0 and <= 4, "0..4");
                break;
            case "start":
            case "stop":
                Count(keyword, args, 1, 2, "RFID tag");
                Hex(keyword, "RFID tag", args[0], 16);
                if (args.Length == 2)
                {
                    Hex(keyword, "RFID class", args[1], 20);
                }

                break;
            case "display":
                Count(keyword, args, 5, 5, "mode, min s, max s, token and text");
                Range(keyword, "mode", "", args[0], n => n is 0 or 1, "0 or 1");
                Range(keyword, "min time", " s", args[1], n => n >= 0, "0 or more");
                Range(keyword, "max time", " s", args[2], n => n >= 0, "0 or more");
                Range(keyword, "token", "", args[3], n => n >= 0, "0 or more");
                if (args[4].Length > 23)
                {
                    throw new KebaProtocolException($"command 'display': text must be at most 23 characters but was {args[4].Length.ToString(CultureInfo.InvariantCulture)}");
                }

                break;
            default:
                throw new KebaProtocolException($"command {KebaCodec.Show(keyword)} is unknown");
        }

        return new KebaCommand(keyword, args);
    }

    /// <summary>Argument <paramref name="index"/> as a number (only for numeric arguments of a parsed command).</summary>
    public long Number(int index) =>
        index < Arguments.Count && long.TryParse(Arguments[index], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : -1;

    public override string ToString() => Text;

    private static KebaCommand Checked(string keyword, params long[] args) =>
        Parse(keyword + " " + string.Join(' ', args.Select(a => a.ToString(CultureInfo.InvariantCulture))));

    private static void Count(string keyword, string[] args, int min, int max, string what)
    {
        if (args.Length < min)
        {
            throw new KebaProtocolException($"command '{keyword}': missing {what}");
        }

        if (args.Length > max)
        {
            throw new KebaProtocolException($"command '{keyword}': unexpected argument {KebaCodec.Show(args[max])}");
        }
    }

    private static void Current(string keyword, string arg, bool allowZero) =>
        Range(keyword, "current", " mA", arg, n => (allowZero && n == 0) || n is >= 6000 and <= 63_000, allowZero ? "0 or 6000..63000" : "6000..63000");

    private static void Range(string keyword, string name, string unit, string arg, Func<long, bool> valid, string allowed)
    {
        if (!long.TryParse(arg, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new KebaProtocolException($"command '{keyword}': {name} must be a number but was {KebaCodec.Show(arg)}");
        }

        if (!valid(value))
        {
            throw new KebaProtocolException($"command '{keyword}': {name} must be {allowed}{unit} but was {arg}");
        }
    }

    private static void Hex(string keyword, string name, string arg, int maxDigits)
    {
        if (arg.Length > maxDigits || !arg.All(Uri.IsHexDigit))
        {
            throw new KebaProtocolException($"command '{keyword}': {name} must be up to {maxDigits.ToString(CultureInfo.InvariantCulture)} hex digits but was {KebaCodec.Show(arg)}");
        }
    }
}
