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

    /// <summary>The DIP switches as on the station's board (DSW1.1 … DSW2.8) with what each does; empty when not reported.</summary>
    public IReadOnlyList<DipSwitch> DipSwitches { get; init; } = [];

    /// <summary>Whether the controller can update the station's firmware itself.</summary>
    public bool FirmwareUpdateByController { get; init; }

    /// <summary>How the station's firmware is updated, in a sentence for the operator (what to do when the controller can't).</summary>
    public string? FirmwareUpdateNote { get; init; }

    /// <summary>Whether the controller can restart the station (the charge point's restart action).</summary>
    public bool RestartByController { get; init; }
}
