using System.Globalization;
using OpenCpm.Core.Sessions;
using OpenCpm.Protocols.Keba;

namespace OpenCpm.Stations.Keba;

/// <summary>
/// Reads a P30's session log (reports 100–130) in the controller's terms: its end reasons as <see cref="StopReason"/>,
/// its time strings as UTC instants (null when the station keeps no clock and sends uptime digits), its tags
/// normalized (<see cref="KebaTag"/>).
/// </summary>
internal static class KebaSessionLog
{
    /// <summary>One record; null when the report holds no session (the log is empty there).</summary>
    public static StationSessionRecord? ToRecord(KebaSessionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.SessionId <= 0)
        {
            return null;
        }

        var ended = report.Reason != 0;
        return new StationSessionRecord
        {
            SessionId = report.SessionId,
            StartedAt = ParseTime(report.Started),
            EndedAt = ended ? ParseTime(report.Ended) : null,
            EndReason = ended ? StopReasonOf(report.Reason) : null,
            EnergyWh = report.SessionEnergyTenthsWh / 10.0,
            MeterStartWh = report.StartEnergyTenthsWh / 10.0,
            RfidTag = KebaTag.IsNone(report.RfidTag) ? null : report.RfidTag,
        };
    }

    /// <summary>KEBA end reasons: 1 unplugged, 10 deauthorized with the card; anything else is not documented.</summary>
    public static StopReason StopReasonOf(int reason) => reason switch
    {
        1 => StopReason.EVDisconnected,
        10 => StopReason.Local,
        _ => StopReason.Other,
    };

    /// <summary>A station timestamp (<c>YYYY-MM-DD hh:mm:ss.000</c>, UTC); null when it is uptime digits or empty.</summary>
    public static DateTimeOffset? ParseTime(string stationTime)
    {
        ArgumentNullException.ThrowIfNull(stationTime);
        return DateTimeOffset.TryParseExact(
            stationTime.Trim(),
            ["yyyy-MM-dd HH:mm:ss.fff", "yyyy-MM-dd HH:mm:ss"],
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var time)
            ? time
            : null;
    }
}
