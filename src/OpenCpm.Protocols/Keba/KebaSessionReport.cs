namespace OpenCpm.Protocols.Keba;

/// <summary><c>report 100</c> … <c>report 130</c>: one charging session of the station's data logger.</summary>
public sealed record KebaSessionReport : KebaMessage
{
    /// <summary>100 = latest (or running) session, 101…130 = finished sessions, newest first.</summary>
    public required int ReportId { get; init; }

    public required long SessionId { get; init; }

    public int HardwareCurrentMilliA { get; init; }

    public long StartEnergyTenthsWh { get; init; }

    public long SessionEnergyTenthsWh { get; init; }

    /// <summary>When the session started (<c>started</c> and <c>started[s]</c>): UTC, time since boot, or unknown.</summary>
    public KebaStationTime StartedAt { get; init; }

    /// <summary>When the session ended (<c>ended</c> and <c>ended[s]</c>); unknown while it runs.</summary>
    public KebaStationTime EndedAt { get; init; }

    /// <summary>0 not ended, 1 unplugged, 10 deauthorized with the starting card.</summary>
    public int Reason { get; init; }

    /// <summary>0 = the clock was never set (times are since boot), 2 weak, 3 strong (NTP/OCPP within 3 days).</summary>
    public int TimeQuality { get; init; }

    public string RfidTag { get; init; } = "0000000000000000";

    public string RfidClass { get; init; } = "00000000000000000000";

    public string Serial { get; init; } = "";

    /// <summary>The station's uptime when it wrote this report (<c>Sec</c>).</summary>
    public long UptimeS { get; init; }

    /// <summary>The <c>started</c> text as on the wire (kept for the host until it reads <see cref="StartedAt"/>).</summary>
    public string Started => StartedAt.Text;

    /// <summary>The <c>ended</c> text as on the wire (kept for the host until it reads <see cref="EndedAt"/>).</summary>
    public string Ended => EndedAt.Text;

    /// <summary>When the station booted, given when this report was received: what uptime-based times count from.</summary>
    public DateTimeOffset BootedAt(DateTimeOffset receivedAt) => receivedAt - TimeSpan.FromSeconds(UptimeS);
}
