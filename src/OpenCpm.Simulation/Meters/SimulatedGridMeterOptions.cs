using System.Net;

namespace OpenCpm.Simulation.Meters;

/// <summary>Where the simulated meter listens and how it looks.</summary>
public sealed record SimulatedGridMeterOptions
{
    /// <summary>Loopback (or any local) address to listen on.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>TCP port; 0 picks a free port (see <see cref="SimulatedGridMeter.Port"/>).</summary>
    public int Port { get; init; }

    /// <summary>Unit id the meter answers to; null answers any unit id (like the Gossen EM228X).</summary>
    public byte? UnitId { get; init; }

    /// <summary>SunSpec layout for SunSpec profiles; null uses the profile's preferred model at base 40000.</summary>
    public SunSpecLayout? SunSpec { get; init; }

    /// <summary>Line-to-neutral voltage of every phase.</summary>
    public double VoltageV { get; init; } = 230;

    /// <summary>Imported energy counter at start.</summary>
    public double InitialEnergyImportWh { get; init; } = 1_000_000;

    /// <summary>Exported energy counter at start.</summary>
    public double InitialEnergyExportWh { get; init; } = 10_000;
}
