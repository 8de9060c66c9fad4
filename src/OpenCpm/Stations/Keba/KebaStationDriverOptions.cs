using System.Net;

namespace OpenCpm.Stations.Keba;

/// <summary>One KEBA P30 as the controller drives it.</summary>
public sealed record KebaStationDriverOptions
{
    public required string ChargePointId { get; init; }

    public required IPAddress Address { get; init; }

    /// <summary>report 2 + report 3 every this often (the guide: at least 5 s between identical polls).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>No datagram from the station for this long → Offline.</summary>
    public TimeSpan OfflineAfter { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Failsafe watchdog timeout configured on the station (10–600 s); 0 disables the station's failsafe.</summary>
    public int FailsafeTimeoutS { get; init; } = 60;

    /// <summary>What the station falls back to alone when the controller stops feeding the watchdog (0 = stop; else ≥ 6 A).</summary>
    public double FailsafeCurrentA { get; init; }

    /// <summary>How often report 1 (identity) is re-read.</summary>
    public TimeSpan IdentityRefresh { get; init; } = TimeSpan.FromHours(6);
}
