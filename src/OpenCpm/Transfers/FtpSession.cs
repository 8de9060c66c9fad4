using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace OpenCpm.Transfers;

/// <summary>
/// One logged-in FTP session (RFC 959): greeting, optionally AUTH TLS + PBSZ 0 + PROT P (RFC 4217, explicit FTPS, data
/// connections encrypted too), USER/PASS, TYPE I; then CWD, SIZE, RETR and STOR over passive data connections (EPSV,
/// RFC 2428, falling back to PASV once the server does not know EPSV; always to the control connection's peer), and
/// QUIT. Each reply code is checked and a wrong one fails with a sentence (<see cref="FtpException"/>); the password
/// never appears in one.
/// </summary>
internal sealed class FtpSession : IAsyncDisposable
{
    private readonly FtpControlChannel _control;
    private readonly IPAddress _server;
    private readonly Func<SslClientAuthenticationOptions>? _tls;
    private bool _pasvOnly;

    private FtpSession(FtpControlChannel control, IPAddress server, Func<SslClientAuthenticationOptions>? tls)
    {
        _control = control;
        _server = server;
        _tls = tls;
    }

    private TimeSpan Idle => _control.IdleTimeout;

    public static async Task<FtpSession> OpenAsync(
        string host, int port, bool secure, string user, string password, FtpSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await FtpTimeout.RunAsync(settings.IdleTimeout, "connecting to the FTP server", ct => socket.ConnectAsync(host, port, ct), cancellationToken);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new FtpException(TransferFailure.Failed, $"the FTP server could not be reached: {e.Message}", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var server = ((IPEndPoint)socket.RemoteEndPoint!).Address;
        server = server.IsIPv4MappedToIPv6 ? server.MapToIPv4() : server;
        Func<SslClientAuthenticationOptions>? tls = secure ? () => TlsOptions(host, settings.TrustedRoots) : null;
        var session = new FtpSession(new FtpControlChannel(new NetworkStream(socket, ownsSocket: true), settings.IdleTimeout), server, tls);
        try
        {
            await session.StartAsync(user, password, cancellationToken);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>CWD into one folder of the location's path.</summary>
    public async Task ChangeFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var reply = await _control.CommandAsync("CWD " + folder, cancellationToken);
        Expect(reply, $"the FTP server has no folder '{Shown(folder)}'", 250, 200);
    }

    /// <summary>The size SIZE (RFC 3659) reports, or null when the server does not tell.</summary>
    public async Task<long?> SizeAsync(string file, CancellationToken cancellationToken)
    {
        var reply = await _control.CommandAsync("SIZE " + file, cancellationToken);
        return reply.Code == 213 && long.TryParse(reply.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) ? bytes : null;
    }

    /// <summary>RETR <paramref name="file"/> into <paramref name="destination"/>, never more than <paramref name="maxBytes"/>.</summary>
    public async Task RetrieveAsync(string file, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        await TransferAsync("RETR", file, TransferFailure.Failed, $"the FTP server did not send the file '{Shown(file)}'", async (data, _, ct) =>
        {
            var buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = await FtpTimeout.RunAsync(Idle, "receiving the file", c => data.ReadAsync(buffer, c), ct)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    throw new FtpException(TransferFailure.Failed, $"the file is larger than {maxBytes / (1024 * 1024)} MiB, the most this controller takes");
                }

                await destination.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }, cancellationToken);
    }

    /// <summary>STOR <paramref name="source"/> as <paramref name="file"/> in the current folder.</summary>
    public async Task StoreAsync(string file, Stream source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        await TransferAsync("STOR", file, TransferFailure.PermissionDenied, $"the FTP server refused to store the file '{Shown(file)}'", async (data, socket, ct) =>
        {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                await FtpTimeout.RunAsync(Idle, "sending the file", c => data.WriteAsync(buffer.AsMemory(0, read), c), ct);
            }

            await FtpTimeout.RunAsync(Idle, "sending the file", c => new ValueTask(data.FlushAsync(c)), ct);
            if (data is SslStream tls)
            {
                await FtpTimeout.RunAsync(Idle, "closing the data connection", c => new ValueTask(tls.ShutdownAsync().WaitAsync(c)), ct);
            }

            await CloseGracefullyAsync(socket, ct);
        }, cancellationToken);
    }

    /// <summary>QUIT, politely: a server that does not answer it is not a failure of the transfer.</summary>
    public async Task QuitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _control.CommandAsync("QUIT", cancellationToken);
        }
        catch (Exception e) when (e is FtpException or IOException or SocketException)
        {
            // the transfer is done; the server may hang up first
        }
    }

    public ValueTask DisposeAsync() => _control.DisposeAsync();

    private async Task StartAsync(string user, string password, CancellationToken cancellationToken)
    {
        var greeting = await _control.ReadReplyAsync(cancellationToken);
        for (var waits = 0; greeting.Code == 120 && waits < 3; waits++)
        {
            greeting = await _control.ReadReplyAsync(cancellationToken);
        }

        Expect(greeting, "the FTP server did not greet", 220);
        if (_tls is not null)
        {
            Expect(await _control.CommandAsync("AUTH TLS", cancellationToken), "the FTP server refused AUTH TLS (explicit FTPS)", 234);
            await _control.UpgradeToTlsAsync(_tls(), cancellationToken);
        }

        var login = await _control.CommandAsync("USER " + user, cancellationToken);
        if (login.Code == 331)
        {
            login = await _control.CommandAsync("PASS " + password, cancellationToken);
        }

        if (login.Code is 530 or 332 or 331)
        {
            throw new FtpException(TransferFailure.PermissionDenied, $"the FTP server refused the login ({login.Shown})");
        }

        Expect(login, "the FTP server refused the login", 230, 202);
        if (_tls is not null)
        {
            Expect(await _control.CommandAsync("PBSZ 0", cancellationToken), "the FTP server refused PBSZ 0", 200);
            Expect(await _control.CommandAsync("PROT P", cancellationToken), "the FTP server refused to encrypt the data connection (PROT P)", 200);
        }

        Expect(await _control.CommandAsync("TYPE I", cancellationToken), "the FTP server refused binary mode (TYPE I)", 200);
    }

    private async Task TransferAsync(
        string command, string file, TransferFailure refused, string refusal, Func<Stream, Socket, CancellationToken, Task> move, CancellationToken cancellationToken)
    {
        var socket = await OpenDataConnectionAsync(cancellationToken);
        Stream data = new NetworkStream(socket, ownsSocket: true);
        try
        {
            var reply = await _control.CommandAsync(command + " " + file, cancellationToken);
            if (!reply.IsPreliminary)
            {
                throw new FtpException(reply.Code is 530 or 532 or 550 or 553 ? refused : TransferFailure.Failed, $"{refusal} ({reply.Shown})");
            }

            if (_tls is not null)
            {
                var tls = new SslStream(data, leaveInnerStreamOpen: false);
                data = tls;
                await FtpTimeout.RunAsync(Idle, "the TLS handshake of the data connection", ct => new ValueTask(tls.AuthenticateAsClientAsync(_tls(), ct)), cancellationToken);
            }

            await move(data, socket, cancellationToken);
        }
        finally
        {
            await data.DisposeAsync();
        }

        var done = await _control.ReadReplyAsync(cancellationToken);
        Expect(done, $"the FTP server reported the transfer of '{Shown(file)}' failed", 226, 250);
    }

    /// <summary>
    /// Ends an upload's data connection as the server expects: our side shut (FIN after the last byte), then what the
    /// server still sends (a TLS 1.3 session ticket, its close_notify) read until it closes too. Closing with such bytes
    /// unread would reset the connection, and a reset can drop the file's last bytes at the server before it read them
    /// (seen with pyftpdlib over TLS). A server that never closes is given up on after the idle timeout: the file is sent.
    /// </summary>
    private async Task CloseGracefullyAsync(Socket socket, CancellationToken cancellationToken)
    {
        socket.Shutdown(SocketShutdown.Send);
        var sink = new byte[4096];
        try
        {
            while (await FtpTimeout.RunAsync(Idle, "closing the data connection", c => socket.ReceiveAsync(sink, c), cancellationToken) > 0)
            {
            }
        }
        catch (Exception e) when (e is FtpException or SocketException)
        {
            // the server reset or kept the connection: its reply to STOR says whether it has the file
        }
    }

    private async Task<Socket> OpenDataConnectionAsync(CancellationToken cancellationToken)
    {
        int port;
        if (!_pasvOnly)
        {
            var epsv = await _control.CommandAsync("EPSV", cancellationToken);
            if (epsv.Code == 229)
            {
                port = FtpPassivePort.FromEpsv(epsv);
                return await ConnectDataAsync(port, cancellationToken);
            }

            if (epsv.Code is < 500 or > 504)
            {
                throw new FtpException(TransferFailure.Failed, $"the FTP server refused passive mode (EPSV: {epsv.Shown})");
            }

            _pasvOnly = true;
        }

        var pasv = await _control.CommandAsync("PASV", cancellationToken);
        Expect(pasv, "the FTP server refused passive mode (PASV)", 227);
        port = FtpPassivePort.FromPasv(pasv);
        return await ConnectDataAsync(port, cancellationToken);
    }

    private async Task<Socket> ConnectDataAsync(int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(_server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await FtpTimeout.RunAsync(Idle, "connecting the data connection", ct => socket.ConnectAsync(new IPEndPoint(_server, port), ct), cancellationToken);
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new FtpException(TransferFailure.Failed, $"the FTP server's data port {port} could not be reached: {e.Message}", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static void Expect(FtpReply reply, string failure, params ReadOnlySpan<int> codes)
    {
        if (!codes.Contains(reply.Code))
        {
            throw new FtpException(TransferFailure.Failed, $"{failure} ({reply.Shown})");
        }
    }

    private static string Shown(string name) => Security.LogText.Escape(name, 120);

    private static SslClientAuthenticationOptions TlsOptions(string host, X509Certificate2Collection? trustedRoots)
    {
        var options = new SslClientAuthenticationOptions { TargetHost = host };
        if (trustedRoots is not null)
        {
            options.CertificateChainPolicy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            options.CertificateChainPolicy.CustomTrustStore.AddRange(trustedRoots);
        }

        return options;
    }
}
