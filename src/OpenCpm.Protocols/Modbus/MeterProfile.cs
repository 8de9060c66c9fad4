namespace OpenCpm.Protocols.Modbus;

/// <summary>
/// A grid meter described as data (one JSON file per meter, read by <see cref="MeterProfileParser"/>).
/// </summary>
public sealed record MeterProfile(
    string Id,
    string Vendor,
    string Model,
    MeterProfileProtocol Protocol,
    int DefaultPort,
    byte? DefaultUnitId,
    IReadOnlyDictionary<MeterQuantity, MeterPoint> Points)
{
    /// <summary>Where the profile came from: "built-in" or the path of an installed file.</summary>
    public string Source { get; init; } = "built-in";

    /// <summary>True when the raw total power is positive for import (the controller's convention).</summary>
    public bool PowerPositiveIsImport { get; init; } = true;

    /// <summary>SunSpec models the profile expects, best first (informational; discovery decides).</summary>
    public IReadOnlyList<int> SunSpecModels { get; init; } = [];

    /// <summary>Largest number of registers read in one request.</summary>
    public int MaxRegistersPerRead { get; init; } = ModbusFrame.MaxReadCount;

    /// <summary>Unused registers a single request may span to join two values (0 = only adjacent values).</summary>
    public int MaxGapRegisters { get; init; }

    /// <summary>Confidence stated by the research notes (high, medium, low, none).</summary>
    public string Confidence { get; init; } = "unknown";

    /// <summary>True when any fact the reading relies on is not confirmed (register, sign, SunSpec model).</summary>
    public bool Unverified { get; init; }

    /// <summary>True when currents of all three phases can be read (needed for load management).</summary>
    public bool HasPhaseCurrents =>
        Points[MeterQuantity.CurrentL1].Kind != MeterPointKind.Missing
        && Points[MeterQuantity.CurrentL2].Kind != MeterPointKind.Missing
        && Points[MeterQuantity.CurrentL3].Kind != MeterPointKind.Missing;
}
