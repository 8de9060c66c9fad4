using OpenCpm.Data;

namespace OpenCpm.Stations;

/// <summary>A station found on the network: how to reach it and what it said about itself.</summary>
internal sealed record DiscoveredStation(StationDriverKind Driver, string Address, string Description);
