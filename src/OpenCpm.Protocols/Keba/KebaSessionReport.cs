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

    public long StartedUptimeS { get; init; }

    public long EndedUptimeS { get; init; }

    /// <summary><c>YYYY-MM-DD hh:mm:ss.000</c>, or digits when the station has no time.</summary>
    public string Started { get; init; } = "";

    public string Ended { get; init; } = "";

    /// <summary>0 not ended, 1 unplugged, 10 deauthorized with the starting card.</summary>
    public int Reason { get; init; }

    public int TimeQuality { get; init; }

    public string RfidTag { get; init; } = "0000000000000000";

    public string RfidClass { get; init; } = "00000000000000000000";

    public string Serial { get; init; } = "";

    public long UptimeS { get; init; }
}
