using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace OpenCpm.Protocols.Tests.Ocpp;

/// <summary>
/// The far end of a real loopback WebSocket, driven frame by frame by the test: it sends any text (well-formed or not)
/// and reads what our side sends. Waits have a generous real-time deadline so a broken test fails instead of hanging.
/// </summary>
internal sealed class RawOcppPeer : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly TcpClient _tcp;

    private RawOcppPeer(WebSocket socket, TcpClient tcp)
    {
        Socket = socket;
        _tcp = tcp;
    }

    public WebSocket Socket { get; }

    /// <summary>Two WebSockets over one loopback TCP connection: ours (client role) and the peer (server role).</summary>
    public static async Task<(WebSocket Ours, RawOcppPeer Peer)> PairAsync(string subprotocol = "ocpp1.6")
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var client = new TcpClient();
        var connecting = client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        var server = await listener.AcceptTcpClientAsync();
        await connecting;
        var ours = WebSocket.CreateFromStream(client.GetStream(), new WebSocketCreationOptions { IsServer = false, SubProtocol = subprotocol, KeepAliveInterval = TimeSpan.Zero });
        var theirs = WebSocket.CreateFromStream(server.GetStream(), new WebSocketCreationOptions { IsServer = true, SubProtocol = subprotocol, KeepAliveInterval = TimeSpan.Zero });
        return (ours, new RawOcppPeer(theirs, server));
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(byte[] bytes)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        await Socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, deadline.Token);
    }

    /// <summary>The next complete text message, or null when the connection closed.</summary>
    public async Task<string?> ReceiveAsync()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        using var message = new MemoryStream();
        var buffer = new byte[4096];
        while (true)
        {
            var result = await Socket.ReceiveAsync(buffer, deadline.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (Socket.State == WebSocketState.CloseReceived)
                {
                    await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, deadline.Token);
                }

                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    /// <summary>The next frame as JSON (fails the test when the connection closed instead).</summary>
    public async Task<JsonElement> ReceiveFrameAsync()
    {
        var text = await ReceiveAsync() ?? throw new InvalidOperationException("the connection closed while a frame was expected");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The next frame, which must be a CALL of <paramref name="action"/>; returns its id and payload.</summary>
    public async Task<(string Id, JsonElement Payload)> ReceiveCallAsync(string action)
    {
        var frame = await ReceiveFrameAsync();
        Assert.Equal(2, frame[0].GetInt32());
        Assert.Equal(action, frame[2].GetString());
        return (frame[1].GetString()!, frame[3]);
    }

    /// <summary>Kills the TCP connection without a closing handshake, like a peer that vanished.</summary>
    public void Vanish()
    {
        _tcp.Client.LingerState = new LingerOption(true, 0);
        _tcp.Close();
    }

    public ValueTask DisposeAsync()
    {
        Socket.Dispose();
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }
}
