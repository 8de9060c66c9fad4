using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace OpenCpm.Control;

/// <summary>
/// The network interfaces as the operating system sees them (Configuration › Network connection): the controller
/// shows them and leaves their setup to the system (its network manager or /etc/network), as the manual's M20 owns
/// its own.
/// </summary>
internal static class HostNetwork
{
    public static IReadOnlyList<HostInterfaceDetails> Interfaces() =>
        [.. NetworkInterface.GetAllNetworkInterfaces()
            .OrderBy(n => n.NetworkInterfaceType == NetworkInterfaceType.Loopback)
            .ThenBy(n => n.Name, StringComparer.Ordinal)
            .Select(Describe)];

    private static HostInterfaceDetails Describe(NetworkInterface network)
    {
        var properties = network.GetIPProperties();
        var mac = network.GetPhysicalAddress().GetAddressBytes();
        return new HostInterfaceDetails(
            network.Name,
            network.NetworkInterfaceType.ToString(),
            network.OperationalStatus == OperationalStatus.Up,
            mac.Length == 0 || mac.All(b => b == 0) ? null : string.Join(':', mac.Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture))),
            [.. properties.UnicastAddresses
                .Where(a => a.Address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
                .Select(a => FormattableString.Invariant($"{a.Address}/{a.PrefixLength}"))],
            [.. properties.GatewayAddresses.Select(g => g.Address.ToString())],
            [.. properties.DnsAddresses.Select(d => d.ToString())]);
    }
}
