using OpenCpm.Core.Authorization;
using OpenCpm.Core.Sessions;
using OpenCpm.Protocols.Keba;

namespace OpenCpm.Stations.Keba;

/// <summary>
/// Reads a P30's session log (reports 100–130) in the controller's terms: its end reasons as <see cref="StopReason"/>,
/// its times as UTC instants — a station whose clock was never set gives times since its boot, placed on the
/// controller's clock by the station's uptime when the reply arrived — and its card as the card's UID (null for none).
/// </summary>
internal static class KebaSessionLog
{
    /// <summary>One record; null when the report holds no session (the log is empty there).</summary>
    /// <param name="report">The report as received.</param>
    /// <param name="receivedAt">The controller's time when it arrived (for times the station counts from its boot).</param>
    public static StationSessionRecord? ToRecord(KebaSessionReport report, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.SessionId <= 0)
        {
            return null;
        }

        var ended = report.Reason != 0;
        var bootedAt = report.BootedAt(receivedAt);
        return new StationSessionRecord
        {
            SessionId = report.SessionId,
            StartedAt = report.StartedAt.ToUtc(bootedAt),
            EndedAt = ended ? report.EndedAt.ToUtc(bootedAt) : null,
            EndReason = ended ? StopReasonOf(report.Reason) : null,
            EnergyWh = report.SessionEnergyTenthsWh / 10.0,
            MeterStartWh = report.StartEnergyTenthsWh / 10.0,
            RfidTag = CardUid.FromStationTag(report.RfidTag)?.Value,
        };
    }

    /// <summary>KEBA end reasons: 1 unplugged, 10 deauthorized with the card; anything else is not documented.</summary>
    public static StopReason StopReasonOf(int reason) => reason switch
    {
        1 => StopReason.EVDisconnected,
        10 => StopReason.Local,
        _ => StopReason.Other,
    };
}
