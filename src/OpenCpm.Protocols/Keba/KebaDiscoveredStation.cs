using System.Net;

namespace OpenCpm.Protocols.Keba;

/// <summary>A station that answered the discovery broadcast <c>i</c>.</summary>
public sealed record KebaDiscoveredStation(IPAddress Address, string Firmware);
