namespace OpenCpm.Protocols.Modbus;

/// <summary>How a profile computes one quantity.</summary>
public enum MeterPointKind
{
    /// <summary>One register value.</summary>
    Register,

    /// <summary>First term minus second term (separate import and export registers).</summary>
    PlusMinusMinus,

    /// <summary>Sum of the terms (e.g. tariff registers).</summary>
    Sum,

    /// <summary>A point of the SunSpec meter model found by discovery.</summary>
    SunSpec,

    /// <summary>No register known for this meter.</summary>
    Missing,
}
