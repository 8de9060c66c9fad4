using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using OpenCpm.Protocols.Modbus;

namespace OpenCpm.Protocols.Tests.Modbus;

/// <summary>
/// A Modbus TCP server on loopback port 0 whose answer to each request is a script: it gets the decoded request
/// and returns the bytes to send (empty = no answer, null = close the connection).
/// </summary>
internal sealed class ScriptedModbusPeer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<ModbusReadRequest, byte[]?> _script;
    private readonly Task _loop;
    private int _accepted;

    public ScriptedModbusPeer(Func<ModbusReadRequest, byte[]?> script)
    {
        _script = script;
        _listener.Start();
        _loop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Accepted => Volatile.Read(ref _accepted);

    public ConcurrentQueue<ModbusReadRequest> Requests { get; } = new();

    /// <summary>Set when a request arrived while the previous one was still unanswered.</summary>
    public bool SawPipelinedRequest { get; private set; }

    public ModbusTcpClientOptions Options(TimeSpan? timeout = null) =>
        new("127.0.0.1", Port, 1) { Timeout = timeout ?? TimeSpan.FromSeconds(5) };

    public static byte[] Answer(ModbusReadRequest request, params ushort[] words) =>
        ModbusFrame.EncodeReadResponse(request.TransactionId, request.UnitId, request.Function, words);

    public async ValueTask DisposeAsync()
    {
        // Cancel first and stop listening only once the accept loop has ended: stopping the listener while the loop
        // is between two accepts made its next accept throw "Not listening" instead of seeing the cancellation.
        await _stop.CancelAsync();
        await _loop;
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                Interlocked.Increment(ref _accepted);
                connections.Add(ServeAsync(socket));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(Socket socket)
    {
        using var _ = socket;
        var buffer = new byte[ModbusFrame.ReadRequestLength];
        try
        {
            while (true)
            {
                await socket.ReceiveAsync(buffer.AsMemory(0, ModbusFrame.ReadRequestLength), _stop.Token);
                var request = ModbusFrame.DecodeReadRequest(buffer);
                Requests.Enqueue(request);
                var answer = _script(request);
                if (answer is null)
                {
                    return;
                }

                if (answer.Length == 0)
                {
                    continue;
                }

                // One request in flight: nothing else may arrive before we answer.
                if (socket.Poll(TimeSpan.FromMilliseconds(30), SelectMode.SelectRead) && socket.Available > 0)
                {
                    SawPipelinedRequest = true;
                }

                await socket.SendAsync(answer, _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ModbusException)
        {
        }
    }
}
