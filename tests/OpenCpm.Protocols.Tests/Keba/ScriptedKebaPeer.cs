using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OpenCpm.Protocols.Tests.Keba;

/// <summary>
/// A scriptable fake station on its own loopback address at port 7090: records every datagram and answers it
/// with whatever the script returns (any number of datagrams, sent to the sender's address at port 7090).
/// </summary>
internal sealed class ScriptedKebaPeer : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Func<string, IReadOnlyList<string>> _script;
    private readonly List<string> _received = [];
    private readonly List<IPEndPoint> _senders = [];
    private readonly int _replyPort;

    public ScriptedKebaPeer(IPAddress address, Func<string, IReadOnlyList<string>> script, int replyPort = 7090)
    {
        _script = script;
        _replyPort = replyPort;
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(address, 7090));
        Address = address;
        _loop = Task.Run(LoopAsync);
    }

    public IPAddress Address { get; }

    public IReadOnlyList<string> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Where each received datagram came from (address and source port).</summary>
    public IReadOnlyList<IPEndPoint> Senders
    {
        get
        {
            lock (_received)
            {
                return [.. _senders];
            }
        }
    }

    public void SendTo(IPEndPoint to, string text) => _socket.SendTo(Encoding.ASCII.GetBytes(text), to);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        var buffer = new byte[2048];
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult result;
            try
            {
                result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var text = Encoding.ASCII.GetString(buffer, 0, result.ReceivedBytes);
            lock (_received)
            {
                _received.Add(text);
                _senders.Add((IPEndPoint)result.RemoteEndPoint);
            }

            var to = new IPEndPoint(((IPEndPoint)result.RemoteEndPoint).Address, _replyPort);
            foreach (var reply in _script(text))
            {
                _socket.SendTo(Encoding.ASCII.GetBytes(reply), to);
            }
        }
    }
}
