using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace OpenCpm.Control;

/// <summary>The overview the Status page and /api/v1/status show: the latest site snapshot and the host's network interfaces.</summary>
internal sealed class StatusService(SiteSnapshots site)
{
    public SiteSnapshot Site => site.Current;

    public static IReadOnlyList<HostInterface> NetworkInterfaces() =>
        [.. NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .Select(n => new HostInterface(
                n.Name,
                [.. n.GetIPProperties().UnicastAddresses
                    .Where(a => a.Address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
                    .Select(a => a.Address.ToString())]))];
}
