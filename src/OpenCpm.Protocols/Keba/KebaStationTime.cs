using System.Globalization;

namespace OpenCpm.Protocols.Keba;

/// <summary>
/// A time from a station's session log (reports 100–130), typed by what it is measured against. A station writes each
/// time twice: as text (<c>"started"</c>) and as whole seconds (<c>"started[s]"</c>). With its clock set the text is
/// <c>YYYY-MM-DD hh:mm:ss.000</c> (UTC) and the seconds are Unix seconds (1547187752 = "2019-01-11 06:22:32.000");
/// with its clock never set (<c>timeQ</c> 0) the text is the uptime in milliseconds as digits and the seconds are the
/// uptime (191012 = "191012000"); a time not there yet (a running session's end) is 0 and "0".
/// </summary>
public readonly record struct KebaStationTime
{
    /// <summary>Seconds values at or above this (2001-09-09) are Unix times; a station's uptime never gets there.</summary>
    public const long UnixSecondsThreshold = 1_000_000_000;

    private const string DateFormat = "yyyy-MM-dd HH:mm:ss.fff";

    private static readonly string[] DateFormats = [DateFormat, "yyyy-MM-dd HH:mm:ss"];

    private KebaStationTime(KebaTimeKind kind, DateTimeOffset? utc, TimeSpan? sinceBoot)
    {
        Kind = kind;
        Utc = utc;
        SinceBoot = sinceBoot;
    }

    public static KebaStationTime Unknown => default;

    public KebaTimeKind Kind { get; }

    /// <summary>The UTC time when <see cref="Kind"/> is <see cref="KebaTimeKind.Utc"/>.</summary>
    public DateTimeOffset? Utc { get; }

    /// <summary>The time since boot when <see cref="Kind"/> is <see cref="KebaTimeKind.SinceBoot"/>.</summary>
    public TimeSpan? SinceBoot { get; }

    /// <summary>The text the station writes (<c>"started"</c>/<c>"ended"</c>).</summary>
    public string Text => Kind switch
    {
        KebaTimeKind.Utc => Utc!.Value.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture),
        KebaTimeKind.SinceBoot => ((long)SinceBoot!.Value.TotalSeconds * 1000).ToString(CultureInfo.InvariantCulture),
        _ => "0",
    };

    /// <summary>The whole seconds the station writes (<c>"started[s]"</c>/<c>"ended[s]"</c>).</summary>
    public long Seconds => Kind switch
    {
        KebaTimeKind.Utc => Utc!.Value.ToUnixTimeSeconds(),
        KebaTimeKind.SinceBoot => (long)SinceBoot!.Value.TotalSeconds,
        _ => 0,
    };

    /// <summary>A UTC time, to whole seconds (the station's resolution).</summary>
    public static KebaStationTime AtUtc(DateTimeOffset utc) =>
        new(KebaTimeKind.Utc, DateTimeOffset.FromUnixTimeSeconds(utc.ToUnixTimeSeconds()), null);

    /// <summary>A time since boot, to whole seconds; zero or less is <see cref="Unknown"/> (the station's "not there").</summary>
    public static KebaStationTime AfterBoot(TimeSpan uptime) =>
        uptime.TotalSeconds < 1 ? Unknown : new(KebaTimeKind.SinceBoot, null, TimeSpan.FromSeconds(Math.Floor(uptime.TotalSeconds)));

    /// <summary>
    /// The one rule for reading a station time from its text and seconds; never throws. A date in the text is UTC.
    /// Digits other than 0 in the text are the uptime in milliseconds. Otherwise the seconds decide: 0 is unknown,
    /// at or above <see cref="UnixSecondsThreshold"/> a Unix time, anything else the uptime.
    /// </summary>
    public static KebaStationTime Parse(string? text, long seconds)
    {
        var trimmed = text?.Trim() ?? "";
        if (DateTimeOffset.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            return AtUtc(date);
        }

        if (trimmed.Length is > 0 and <= 15 && trimmed.All(char.IsAsciiDigit))
        {
            var milliseconds = long.Parse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture);
            if (milliseconds > 0)
            {
                return AfterBoot(TimeSpan.FromMilliseconds(milliseconds));
            }
        }

        return seconds switch
        {
            <= 0 => Unknown,
            >= UnixSecondsThreshold => AtUtc(DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253_402_300_799))),
            _ => AfterBoot(TimeSpan.FromSeconds(seconds)),
        };
    }

    /// <summary>The time in UTC, given when the station booted (now minus its <c>Sec</c>); null when unknown.</summary>
    public DateTimeOffset? ToUtc(DateTimeOffset bootedAt) => Kind switch
    {
        KebaTimeKind.Utc => Utc,
        KebaTimeKind.SinceBoot => bootedAt + SinceBoot!.Value,
        _ => null,
    };

    public override string ToString() => Kind switch
    {
        KebaTimeKind.Utc => Text + " UTC",
        KebaTimeKind.SinceBoot => Seconds.ToString(CultureInfo.InvariantCulture) + " s after boot",
        _ => "unknown",
    };
}
