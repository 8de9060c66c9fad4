namespace OpenCpm.Protocols.Keba;

/// <summary><c>report 3</c>: the meter, in wire units (V, mA, mW, 0.1 %, 0.1 Wh).</summary>
public sealed record KebaReport3 : KebaMessage
{
    public int U1V { get; init; }

    public int U2V { get; init; }

    public int U3V { get; init; }

    public required int I1MilliA { get; init; }

    public required int I2MilliA { get; init; }

    public required int I3MilliA { get; init; }

    public required long PowerMilliW { get; init; }

    public int PowerFactorPerMille { get; init; }

    /// <summary>Energy of the current (or, after unplug, the last) session.</summary>
    public required long SessionEnergyTenthsWh { get; init; }

    public long TotalEnergyTenthsWh { get; init; }

    public string Serial { get; init; } = "";

    public long UptimeS { get; init; }
}
