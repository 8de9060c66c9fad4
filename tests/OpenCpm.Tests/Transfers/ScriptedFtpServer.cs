using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OpenCpm.Tests.Transfers;

/// <summary>
/// A scriptable fake FTP server on 127.0.0.1 (a free port) for the faults a real one won't make: it writes
/// <c>greeting</c> as raw bytes, then for each command line it receives writes what <c>answer</c> returns (null: says
/// nothing and keeps the connection open). Commands are recorded.
/// </summary>
internal sealed class ScriptedFtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _commands = new();
    private readonly Task _serving;

    public ScriptedFtpServer(string greeting, Func<string, string?> answer)
    {
        _listener.Start();
        _serving = ServeAsync(greeting, answer);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IReadOnlyList<string> Commands => [.. _commands];

    public string Url(string path) => $"ftp://cpo:s3cret-pw@127.0.0.1:{Port}/{path}";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task ServeAsync(string greeting, Func<string, string?> answer)
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.UTF8.GetBytes(greeting), _stop.Token);
            using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
            try
            {
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    _commands.Enqueue(line);
                    if (answer(line) is { } reply)
                    {
                        await stream.WriteAsync(Encoding.UTF8.GetBytes(reply), _stop.Token);
                    }
                }
            }
            catch (IOException)
            {
                // the client hung up
            }
        }
    }
}
