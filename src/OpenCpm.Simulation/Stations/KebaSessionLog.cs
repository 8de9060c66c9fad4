using OpenCpm.Protocols.Keba;

namespace OpenCpm.Simulation.Stations;

/// <summary>
/// A simulated station's data logger: report 100 is the latest (or running) session, 101…130 the finished ones, newest
/// first. Session IDs never restart; a reboot empties the log (every entry then reads zeros).
/// </summary>
internal sealed class KebaSessionLog
{
    private const int Capacity = 31;

    private readonly List<KebaSessionRecord> _sessions = [];
    private long _nextSessionId = 1;

    public int Count => _sessions.Count;

    /// <summary>The session still running, if any.</summary>
    public KebaSessionRecord? Running => _sessions.Count > 0 && !_sessions[0].IsEnded ? _sessions[0] : null;

    public void Start(int hardwareMilliA, long totalEnergyTenthsWh, KebaStationTime at, int timeQuality, string tag, string tagClass)
    {
        _sessions.Insert(0, new KebaSessionRecord
        {
            SessionId = _nextSessionId++,
            HardwareCurrentMilliA = hardwareMilliA,
            StartEnergyTenthsWh = totalEnergyTenthsWh,
            StartedAt = at,
            TimeQuality = timeQuality,
            RfidTag = tag,
            RfidClass = tagClass,
        });
        if (_sessions.Count > Capacity)
        {
            _sessions.RemoveAt(_sessions.Count - 1);
        }
    }

    public void End(long energyTenthsWh, KebaStationTime at, int reason)
    {
        if (Running is not { } running)
        {
            return;
        }

        running.EnergyTenthsWh = energyTenthsWh;
        running.EndedAt = at;
        running.Reason = reason;
    }

    public void Clear() => _sessions.Clear();

    /// <summary>Report <paramref name="reportId"/> (100…130); <paramref name="runningEnergyTenthsWh"/> is E pres of a running session.</summary>
    public KebaSessionReport Report(int reportId, long runningEnergyTenthsWh, string serial, long uptimeS)
    {
        var entry = reportId == 100 ? _sessions.FirstOrDefault() : _sessions.Where(s => s.IsEnded).Skip(reportId - 101).FirstOrDefault();
        if (entry is null)
        {
            return new KebaSessionReport { ReportId = reportId, SessionId = 0, Serial = serial, UptimeS = uptimeS };
        }

        return new KebaSessionReport
        {
            ReportId = reportId,
            SessionId = entry.SessionId,
            HardwareCurrentMilliA = entry.HardwareCurrentMilliA,
            StartEnergyTenthsWh = entry.StartEnergyTenthsWh,
            SessionEnergyTenthsWh = entry.IsEnded ? entry.EnergyTenthsWh : runningEnergyTenthsWh,
            StartedAt = entry.StartedAt,
            EndedAt = entry.EndedAt,
            Reason = entry.Reason,
            TimeQuality = entry.TimeQuality,
            RfidTag = entry.RfidTag,
            RfidClass = entry.RfidClass,
            Serial = serial,
            UptimeS = uptimeS,
        };
    }
}
