using System.Net;
using Microsoft.Extensions.Logging;

namespace OpenCpm.Simulation.Stations;

/// <summary>
/// N simulated stations on consecutive addresses (e.g. 127.0.1.1, 127.0.1.2, …), each on its own socket at the
/// same port. Cheap per station: one pending receive and one timer, no thread.
/// </summary>
public sealed class SimulatedKebaFleet : IAsyncDisposable
{
    private SimulatedKebaFleet(IReadOnlyList<SimulatedKebaStation> stations)
    {
        Stations = stations;
    }

    public IReadOnlyList<SimulatedKebaStation> Stations { get; }

    /// <summary>
    /// Starts <paramref name="count"/> stations from <paramref name="firstAddress"/> upwards. The profile of station
    /// <c>k</c> (0-based) comes from <paramref name="profileOf"/>, by default a c-series with serial 90000000 + k + 1.
    /// </summary>
    public static SimulatedKebaFleet Start(
        IPAddress firstAddress,
        int count,
        TimeProvider timeProvider,
        Func<int, KebaStationProfile>? profileOf = null,
        ILoggerFactory? loggerFactory = null,
        int port = 7090,
        int replyPort = 7090)
    {
        ArgumentNullException.ThrowIfNull(firstAddress);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        profileOf ??= k => KebaStationProfile.CSeries((90_000_000 + k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var logger = loggerFactory?.CreateLogger<SimulatedKebaStation>();
        var stations = new List<SimulatedKebaStation>(count);
        try
        {
            for (var k = 0; k < count; k++)
            {
                stations.Add(SimulatedKebaStation.Start(AddressAt(firstAddress, k), profileOf(k), timeProvider, logger, port, replyPort));
            }
        }
        catch
        {
            foreach (var station in stations)
            {
                station.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            throw;
        }

        return new SimulatedKebaFleet(stations);
    }

    /// <summary>The address <paramref name="offset"/> steps after <paramref name="first"/> (IPv4, carrying into higher octets).</summary>
    public static IPAddress AddressAt(IPAddress first, int offset)
    {
        ArgumentNullException.ThrowIfNull(first);
        var bytes = first.GetAddressBytes();
        var value = ((uint)bytes[0] << 24 | (uint)bytes[1] << 16 | (uint)bytes[2] << 8 | bytes[3]) + (uint)offset;
        return new IPAddress([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var station in Stations)
        {
            await station.DisposeAsync();
        }
    }
}
