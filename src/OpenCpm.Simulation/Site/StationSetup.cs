using System.Globalization;
using System.Net;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Simulation.Stations;

namespace OpenCpm.Simulation.Site;

/// <summary>One simulated station of a <see cref="SimulatedSite"/>: where it listens, what it is, how it is wired.</summary>
public sealed record StationSetup(IPAddress Address, KebaStationProfile Profile, StationWiring Wiring)
{
    private static readonly PhaseRotation[] Rotations = [PhaseRotation.L1L2L3, PhaseRotation.L2L3L1, PhaseRotation.L3L1L2];

    /// <summary>
    /// The demo's station number <paramref name="index"/> (0-based) on <paramref name="address"/>: a c-series P30
    /// with serial 90000001 + index, wired with the rotations L1L2L3, L2L3L1, L3L1L2 in turn.
    /// </summary>
    public static StationSetup Default(int index, IPAddress address)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentNullException.ThrowIfNull(address);
        var serial = (90_000_001 + index).ToString(CultureInfo.InvariantCulture);
        return new StationSetup(address, KebaStationProfile.CSeries(serial), StationWiring.Rotated(Rotations[index % Rotations.Length]));
    }

    /// <summary>
    /// The default loopback address of station <paramref name="index"/>: 127.0.0.11, 127.0.0.12, … 127.0.0.210,
    /// then 127.0.1.11, … (200 per block, never 127.0.0.1, which the controller uses, nor .0 or .255).
    /// </summary>
    public static IPAddress DefaultAddress(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, 200 * 256);
        return new IPAddress([127, 0, (byte)(index / 200), (byte)(11 + (index % 200))]);
    }
}
