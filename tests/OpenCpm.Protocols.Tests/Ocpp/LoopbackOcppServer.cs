using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace OpenCpm.Protocols.Tests.Ocpp;

/// <summary>
/// A scriptable Central System end for handshake tests: a loopback TCP listener, TLS when given a certificate, the HTTP/1.1
/// upgrade written by hand (RFC 6455 §4.2), and the answer the test chooses (101 with or without a subprotocol, or an
/// HTTP error). It records the request so the test can check the URL, the offered subprotocols and the Authorization header.
/// </summary>
internal sealed class LoopbackOcppServer : IDisposable
{
    private const string WebSocketGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2? _certificate;
    private readonly bool _requireClientCertificate;

    public LoopbackOcppServer(X509Certificate2? certificate = null, bool requireClientCertificate = false)
    {
        _certificate = certificate;
        _requireClientCertificate = requireClientCertificate;
        _listener.Start();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri Endpoint(string path = "/ocpp") => new($"{(_certificate is null ? "ws" : "wss")}://127.0.0.1:{Port}{path}");

    /// <summary>Accepts one client. <paramref name="status"/> 101 upgrades and agrees <paramref name="subprotocol"/> (null: none); anything else refuses.</summary>
    public async Task<Handshake> AcceptAsync(int status = 101, string? subprotocol = "ocpp1.6")
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var tcp = await _listener.AcceptTcpClientAsync(deadline.Token);
        Stream stream = tcp.GetStream();
        X509Certificate2? clientCertificate = null;
        if (_certificate is not null)
        {
            var tls = new SslStream(stream, leaveInnerStreamOpen: false);
            try
            {
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = _certificate,
                    ClientCertificateRequired = _requireClientCertificate,
                    // The chain is checked by the test itself; here only whether a certificate came when one is required.
                    RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null || !_requireClientCertificate,
                }, deadline.Token);
            }
            catch (Exception exception) when (exception is IOException or System.Security.Authentication.AuthenticationException)
            {
                tcp.Dispose();
                return new Handshake("", new Dictionary<string, string>(), null, null, exception);
            }

            clientCertificate = tls.RemoteCertificate is { } remote ? X509CertificateLoader.LoadCertificate(remote.GetRawCertData()) : null;
            stream = tls;
        }

        string target;
        Dictionary<string, string> headers;
        try
        {
            (target, headers) = await ReadRequestAsync(stream, deadline.Token);
        }
        catch (IOException exception)
        {
            // With TLS 1.3 our handshake can finish before the client has checked our certificate and hung up.
            tcp.Dispose();
            return new Handshake("", new Dictionary<string, string>(), clientCertificate, null, exception);
        }

        if (status != 101)
        {
            await WriteAsync(stream, $"HTTP/1.1 {status} {(HttpStatusCode)status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", deadline.Token);
            await stream.DisposeAsync();
            tcp.Dispose();
            return new Handshake(target, headers, clientCertificate, null, null);
        }

#pragma warning disable CA5350 // RFC 6455 §4.2.2 defines Sec-WebSocket-Accept with SHA-1; it is not used for security here.
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(headers["Sec-WebSocket-Key"] + WebSocketGuid)));
#pragma warning restore CA5350
        await WriteAsync(stream, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + $"Sec-WebSocket-Accept: {accept}\r\n" + (subprotocol is null ? "" : $"Sec-WebSocket-Protocol: {subprotocol}\r\n") + "\r\n", deadline.Token);
        var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, SubProtocol = subprotocol, KeepAliveInterval = TimeSpan.Zero });
        return new Handshake(target, headers, clientCertificate, socket, null);
    }

    /// <summary>Accepts TCP (and TLS) and then says nothing, like a Central System that hangs.</summary>
    public async Task<TcpClient> AcceptSilentlyAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _listener.AcceptTcpClientAsync(deadline.Token);
    }

    public void Dispose() => _listener.Dispose();

    private static async Task<(string Target, Dictionary<string, string> Headers)> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || head[^4] != '\r' || head[^3] != '\n' || head[^2] != '\r' || head[^1] != '\n')
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                throw new IOException("the client closed before its request was complete");
            }

            head.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString([.. head]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        return (lines[0].Split(' ')[1], headers);
    }

    private static Task WriteAsync(Stream stream, string text, CancellationToken cancellationToken) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes(text), cancellationToken).AsTask();

    /// <summary>What the client asked for, the server end of the WebSocket when it was upgraded, or why the client went away.</summary>
    public sealed record Handshake(string Target, IReadOnlyDictionary<string, string> Headers, X509Certificate2? ClientCertificate, WebSocket? Socket, Exception? Failure)
    {
        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    }
}
