using OpenCpm.Protocols.Keba;

namespace OpenCpm.Simulation.Stations;

/// <summary>
/// A simulated station's wall clock: set from boot (NTP/OCPP/COM module, <c>timeQ</c> 3), set by <c>setdatetime</c>
/// (<c>timeQ</c> 2, weak), or never set (<c>timeQ</c> 0) so that its session times count from start-up.
/// </summary>
internal sealed class KebaStationClock(bool setAtBoot)
{
    public const int NeverSet = 0;
    public const int Weak = 2;
    public const int Strong = 3;

    private TimeSpan _offset;

    /// <summary>The <c>timeQ</c> the station reports now.</summary>
    public int TimeQuality { get; private set; } = setAtBoot ? Strong : NeverSet;

    public bool IsSet => TimeQuality != NeverSet;

    /// <summary><c>setdatetime</c>: the clock now reads <paramref name="time"/>.</summary>
    public void Set(DateTimeOffset time, DateTimeOffset now)
    {
        _offset = time - now;
        TimeQuality = Weak;
    }

    /// <summary>A reboot loses a time set over UDP; a clock kept by NTP/OCPP is set again.</summary>
    public void Reboot()
    {
        _offset = TimeSpan.Zero;
        TimeQuality = setAtBoot ? Strong : NeverSet;
    }

    /// <summary>How the station writes "now" into its session log.</summary>
    public KebaStationTime Stamp(DateTimeOffset now, TimeSpan uptime) =>
        IsSet ? KebaStationTime.AtUtc(now + _offset) : KebaStationTime.AfterBoot(uptime);
}
