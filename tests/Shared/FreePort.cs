using System.Net;
using System.Net.Sockets;

namespace OpenCpm.Tests.Shared;

/// <summary>Free TCP ports and unique loopback addresses so that tests can run side by side.</summary>
internal static class FreePort
{
    private const int KebaPort = 7090;

    private static int _nextLoopbackHost = Random.Shared.Next(0, 2000);

    public static int Tcp()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// A loopback address 127.x.y.z not handed out before in this process and on which UDP 7090 is free right now.
    /// The second octet comes from the process id so test assemblies running at once draw from different blocks;
    /// the probe bind skips an address another process (or a leftover child) still holds. Never 127.0.x.x, which
    /// the demo's default station addresses use.
    /// </summary>
    public static IPAddress LoopbackAddress()
    {
        var second = 1 + (Environment.ProcessId % 250);
        for (var attempt = 0; ; attempt++)
        {
            var n = Interlocked.Increment(ref _nextLoopbackHost);
            var address = new IPAddress([127, (byte)second, (byte)((n / 250) % 250), (byte)(1 + (n % 250))]);
            if (KebaPortIsFree(address) || attempt >= 1000)
            {
                return address;
            }
        }
    }

    private static bool KebaPortIsFree(IPAddress address)
    {
        try
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            probe.Bind(new IPEndPoint(address, KebaPort));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
