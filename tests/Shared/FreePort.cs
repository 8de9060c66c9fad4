using System.Net;
using System.Net.Sockets;

namespace OpenCpm.Tests.Shared;

/// <summary>Free TCP ports and unique loopback addresses so that tests can run side by side.</summary>
internal static class FreePort
{
    private static int _nextLoopbackHost = Random.Shared.Next(0, 200);

    public static int Tcp()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// A loopback address 127.x.y.z not handed out before in this process. Tests that bind UDP 7090 each take
    /// their own block of addresses so parallel test classes and assemblies never collide; the second octet
    /// is derived from the process id to separate assemblies running at once.
    /// </summary>
    public static IPAddress LoopbackAddress()
    {
        var n = Interlocked.Increment(ref _nextLoopbackHost);
        var second = 1 + (Environment.ProcessId % 250);
        var third = (n / 250) % 250;
        var fourth = 1 + (n % 250);
        return new IPAddress([127, (byte)second, (byte)third, (byte)fourth]);
    }
}
