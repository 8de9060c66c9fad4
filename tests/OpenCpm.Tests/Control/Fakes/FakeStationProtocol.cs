using OpenCpm.Data;
using OpenCpm.Stations;

namespace OpenCpm.Tests.Control.Fakes;

/// <summary>A station protocol whose stations are <see cref="FakeStation"/>s, found by the installation's address: no sockets, the test's clock.</summary>
internal sealed class FakeStationProtocol(IReadOnlyDictionary<string, FakeStation> stationsByAddress) : IStationProtocol
{
    public StationDriverKind Kind => StationDriverKind.Keba;

    public string? Problem => null;

    public void Start()
    {
    }

    public StationDriverResult CreateDriver(ChargePointInstallation installation) =>
        installation.Address is { } address && stationsByAddress.TryGetValue(address, out var station)
            ? StationDriverResult.Of(station)
            : StationDriverResult.None($"no fake station at \"{installation.Address}\"");

    public Task<IReadOnlyList<DiscoveredStation>> DiscoverAsync(DiscoverySettings settings, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DiscoveredStation>>([]);
}
