using System.Globalization;
using System.Text;

namespace OpenCpm.Core.Sessions;

/// <summary>
/// Charging sessions as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma,
/// a quote or a line break). Invariant culture; times in UTC as ISO 8601; an active session has an empty end.
/// Text that came from outside (charge point names, card ids read from stations) and starts like a spreadsheet formula
/// (= + - @ tab CR) gets a leading apostrophe, so opening the export in a spreadsheet never runs it.
/// </summary>
public static class SessionCsv
{
    public const string Header = "id,chargePoint,idTag,start,end,energyWh,state,stopReason,meterStartWh,meterEndWh";

    public static string Write(IEnumerable<ChargingSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var text = new StringBuilder();
        text.Append(Header).Append("\r\n");
        foreach (var s in sessions)
        {
            AppendRow(text,
            [
                s.Id.ToString(CultureInfo.InvariantCulture),
                Text(s.ChargePoint),
                Text(s.IdTag ?? ""),
                Time(s.Start),
                s.End is { } end ? Time(end) : "",
                Number(s.EnergyWh),
                s.State,
                s.StopReason?.ToString() ?? "",
                Number(s.MeterStartWh),
                s.MeterEndWh is { } meterEnd ? Number(meterEnd) : "",
            ]);
        }

        return text.ToString();
    }

    /// <summary>One field, quoted if it has to be.</summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Outside text, defused if a spreadsheet would read it as a formula.</summary>
    public static string Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }

    private static void AppendRow(StringBuilder text, string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(Field(fields[i]));
        }

        text.Append("\r\n");
    }

    private static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
