using System.Net;
using System.Net.Sockets;

namespace OpenCpm.Tests.Api;

/// <summary>An HTTP client whose connections come from a chosen loopback address (a second, third… client machine).</summary>
internal static class ClientAt
{
    public static HttpClient Create(Uri baseAddress, IPAddress source) =>
        new(new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        })
        { BaseAddress = baseAddress };
}
