namespace OpenCpm.Control;

/// <summary>One network interface of the host: its kind, whether it is up, its MAC, its addresses (with prefix length), gateways and name servers.</summary>
internal sealed record HostInterfaceDetails(
    string Name, string Kind, bool Up, string? Mac, IReadOnlyList<string> Addresses, IReadOnlyList<string> Gateways, IReadOnlyList<string> DnsServers);
