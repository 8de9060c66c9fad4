namespace OpenCpm.Stations;

/// <summary>What a station is and can do (for KEBA decoded from report 1: product code, firmware, DIP switches).</summary>
public sealed record StationCapabilities
{
    public required string Product { get; init; }

    public required string Serial { get; init; }

    public required string Firmware { get; init; }

    /// <summary>KEBA series letter: e, b, c, a, x (or "?" when not decodable).</summary>
    public required string Series { get; init; }

    /// <summary>Whether the series can be controlled over UDP at all (c and x).</summary>
    public bool Controllable { get; init; }

    public bool HasMeter { get; init; }

    public bool HasRfid { get; init; }

    public bool HasDisplay { get; init; }

    public bool HasComModule { get; init; }

    public byte? DipSwitch1 { get; init; }

    public byte? DipSwitch2 { get; init; }

    /// <summary>DSW1.3 (SmartHome interface) when report 1 carries the DIP switches; null when unknown.</summary>
    public bool? InterfaceEnabledBySwitch { get; init; }

    /// <summary>Max current set by DSW1.6–1.8, when reported.</summary>
    public double? DipMaxCurrentA { get; init; }

    public bool SupportsSessionHistory { get; init; }
}
