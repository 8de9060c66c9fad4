using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenCpm.Protocols.Ocpp;

/// <summary>
/// OCPP's dateTime as the JSON schemas' <c>format: date-time</c> checks it (ajv-formats, which ocpp-rpc uses): RFC 3339
/// date and time separated by <c>T</c> or white space, seconds 60 only at 23:59, an offset <c>Z</c>, <c>±hh:mm</c>,
/// <c>±hhmm</c> or <c>±hh</c>, and (as that validator lets it through) no offset at all, which is read as UTC.
/// Written in UTC with <c>Z</c>, milliseconds only when not zero.
/// </summary>
public static partial class OcppDateTime
{
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        var match = Rfc3339().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var year = Int(match, "y");
        var month = Int(match, "mo");
        var day = Int(match, "d");
        var hour = Int(match, "h");
        var minute = Int(match, "mi");
        var second = Int(match, "s");
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month) || year < 1
            || hour > 23 || minute > 59 || second > 60 || (second == 60 && (hour != 23 || minute != 59)))
        {
            return false;
        }

        var offset = TimeSpan.Zero;
        var zone = match.Groups["z"].Value;
        if (zone is not ("" or "Z" or "z"))
        {
            var digits = zone[1..].Replace(":", "", StringComparison.Ordinal);
            var offsetHours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
            var offsetMinutes = digits.Length > 2 ? int.Parse(digits[2..], CultureInfo.InvariantCulture) : 0;
            if (offsetHours > 23 || offsetMinutes > 59)
            {
                return false;
            }

            offset = new TimeSpan(offsetHours, offsetMinutes, 0) * (zone[0] == '-' ? -1 : 1);
        }

        var fraction = match.Groups["f"].Value;
        var ticks = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(7, '0')[..7], CultureInfo.InvariantCulture);
        var leap = second == 60;
        try
        {
            value = new DateTimeOffset(year, month, day, hour, minute, leap ? 59 : second, offset).AddTicks(leap ? TimeSpan.TicksPerSecond - 1 : ticks);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    public static string Format(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return utc.ToString(utc.Millisecond == 0 && utc.Microsecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})[Tt\s](?<h>[0-9]{2}):(?<mi>[0-9]{2}):(?<s>[0-9]{2})(?:\.(?<f>[0-9]+))?(?<z>[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
