using System.Net;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Simulation.Site;

namespace OpenCpm.Simulation;

/// <summary>What a <see cref="SimulatedSite"/> consists of.</summary>
public sealed record SimulatedSiteOptions
{
    /// <summary>The meter profile the demo's meter serves: the KEBA KeContact E10 (SunSpec).</summary>
    public const string DefaultMeterProfileId = "keba-e10";

    /// <summary>The stations, each on its own address at UDP port 7090.</summary>
    public IReadOnlyList<StationSetup> Stations { get; init; } = [];

    /// <summary>Id of a built-in meter profile (see <c>MeterProfileCatalog</c>).</summary>
    public string MeterProfileId { get; init; } = DefaultMeterProfileId;

    /// <summary>Where the grid meter listens for Modbus TCP.</summary>
    public IPAddress MeterAddress { get; init; } = IPAddress.Loopback;

    /// <summary>The meter's TCP port; 0 picks a free one (see <see cref="SimulatedSite.MeterPort"/>).</summary>
    public int MeterPort { get; init; }

    /// <summary>Non-charging load at start, amperes per phase.</summary>
    public PhaseCurrents HouseholdLoad { get; init; } = DefaultHouseholdLoad;

    /// <summary>How often the meter's charging load follows the stations (besides right after every plug, unplug or card).</summary>
    public TimeSpan MeterUpdatePeriod { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The stations drop a command that follows the previous one within 100 ms, as real P30s do (on by default, so the
    /// demo shows that the controller's spacing makes this harmless).
    /// </summary>
    public bool DropBursts { get; init; } = true;

    /// <summary>
    /// The stations are clients of a charging network: a vehicle plugged in before the controller has taken its station
    /// over draws no more than the station's stored failsafe current (0), as with real P30s behind a KeContact M20.
    /// </summary>
    public bool NetworkClients { get; init; } = true;

    /// <summary>A small house: lights, fridge, an oven on L1.</summary>
    public static PhaseCurrents DefaultHouseholdLoad { get; } = new(3.5, 2.0, 2.5);

    /// <summary><paramref name="count"/> demo stations on the default addresses 127.0.0.11, 127.0.0.12, ….</summary>
    public static SimulatedSiteOptions WithStations(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new SimulatedSiteOptions
        {
            Stations = [.. Enumerable.Range(0, count).Select(k => StationSetup.Default(k, StationSetup.DefaultAddress(k)))],
        };
    }

    /// <summary>One demo station per address, in order.</summary>
    public static SimulatedSiteOptions WithStations(IEnumerable<IPAddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        return new SimulatedSiteOptions { Stations = [.. addresses.Select((address, k) => StationSetup.Default(k, address))] };
    }
}
