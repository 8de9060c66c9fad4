using System.Net.WebSockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OpenCpm.Protocols.Ocpp;

/// <summary>
/// Opens the charge point's WebSocket to a Central System: URL = endpoint + "/" + percent-encoded identity, the OCPP
/// subprotocol required, and the whitepaper's security profiles (1: Basic auth; 2: TLS, the server checked against the
/// installed root certificate or the system store, plus Basic auth; 3: TLS with a client certificate). Hand the socket to
/// an <see cref="OcppConnection"/>.
/// </summary>
public static class OcppClient
{
    /// <summary>endpoint + "/" + identity, percent-encoded ("RDAM 123" → <c>…/RDAM%20123</c>); a trailing slash of the endpoint is not doubled.</summary>
    public static Uri ConnectionUri(Uri endpoint, string chargeBoxIdentity)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrEmpty(chargeBoxIdentity);
        var builder = new UriBuilder(endpoint);
        builder.Path = builder.Path.TrimEnd('/') + "/" + Uri.EscapeDataString(chargeBoxIdentity);
        return builder.Uri;
    }

    public static async Task<ClientWebSocket> ConnectAsync(OcppClientOptions options, TimeProvider? timeProvider = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        logger ??= NullLogger.Instance;
        var uri = ConnectionUri(options.Endpoint, options.ChargeBoxIdentity);
        CheckProfile(options, uri);
        var shown = Display(uri);
        var certificateRejected = false;
        var socket = new ClientWebSocket();
        try
        {
            Configure(socket.Options, options, shown, logger, () => certificateRejected = true);
            using var timeout = new CancellationTokenSource(options.ConnectTimeout, timeProvider ?? TimeProvider.System);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await socket.ConnectAsync(uri, linked.Token);
            }
            catch (OperationCanceledException exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new OcppConnectException($"{shown} did not complete the WebSocket handshake within {options.ConnectTimeout.TotalSeconds} s", OcppConnectFailure.Unreachable, innerException: exception);
            }
            catch (WebSocketException exception)
            {
                throw Failed(shown, socket, exception, certificateRejected);
            }

            if (socket.SubProtocol is not { } agreed || !options.Subprotocols.Contains(agreed, StringComparer.Ordinal))
            {
                OcppLog.NoSubprotocol(logger, shown, string.Join(", ", options.Subprotocols), socket.SubProtocol ?? "");
                await CloseQuietlyAsync(socket);
                throw new OcppConnectException($"{shown} agreed no OCPP subprotocol (offered {string.Join(", ", options.Subprotocols)})", OcppConnectFailure.NoSubprotocol);
            }

            OcppLog.Connected(logger, shown, agreed, (int)options.SecurityProfile);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static void CheckProfile(OcppClientOptions options, Uri uri)
    {
        var tls = uri.Scheme == "wss";
        var (wantTls, wantPassword) = options.SecurityProfile switch
        {
            OcppSecurityProfile.None => ((bool?)null, false),
            OcppSecurityProfile.BasicAuth => (false, true),
            OcppSecurityProfile.TlsWithBasicAuth => (true, true),
            OcppSecurityProfile.TlsWithClientCertificate => (true, false),
            _ => throw new ArgumentException($"security profile {(int)options.SecurityProfile} is not 0 to 3", nameof(options)),
        };
        if (uri.Scheme is not ("ws" or "wss"))
        {
            throw new ArgumentException($"the Central System endpoint must be a ws:// or wss:// URL but was {Display(options.Endpoint)}", nameof(options));
        }

        if (wantTls is { } needed && needed != tls)
        {
            throw new ArgumentException($"security profile {(int)options.SecurityProfile} needs a {(needed ? "wss://" : "ws://")} endpoint but was {Display(options.Endpoint)}", nameof(options));
        }

        if (wantPassword && options.BasicAuthPassword is not { Length: > 0 })
        {
            throw new ArgumentException($"security profile {(int)options.SecurityProfile} needs a Basic-auth password (AuthorizationKey) but none is set", nameof(options));
        }

        if (options.SecurityProfile == OcppSecurityProfile.TlsWithClientCertificate && options.ClientCertificate is not { HasPrivateKey: true })
        {
            throw new ArgumentException("security profile 3 needs a charge point certificate with its private key but none is set", nameof(options));
        }
    }

    /// <summary>The URL as logs and messages show it: percent-encoded, without any user name or password in it.</summary>
    private static string Display(Uri uri) => new UriBuilder(uri) { UserName = "", Password = "" }.Uri.AbsoluteUri;

    private static void Configure(ClientWebSocketOptions socket, OcppClientOptions options, string uri, ILogger logger, Action onRejected)
    {
        foreach (var subprotocol in options.Subprotocols)
        {
            socket.AddSubProtocol(subprotocol);
        }

        socket.KeepAliveInterval = options.KeepAliveInterval;
        socket.KeepAliveTimeout = options.KeepAliveTimeout;
        socket.CollectHttpResponseDetails = true;
        if (options.SecurityProfile is OcppSecurityProfile.BasicAuth or OcppSecurityProfile.TlsWithBasicAuth)
        {
            socket.SetRequestHeader("Authorization", OcppBasicAuth.Header(options.ChargeBoxIdentity, options.BasicAuthPassword).ToString());
        }

        if (options.SecurityProfile == OcppSecurityProfile.TlsWithClientCertificate)
        {
            socket.ClientCertificates = [options.ClientCertificate!];
        }

        if (options.Endpoint.Scheme == "wss")
        {
            IReadOnlyList<X509Certificate2> roots = options.CentralSystemRootCertificate is { } root ? [root, .. options.CentralSystemRootCertificates] : options.CentralSystemRootCertificates;
            socket.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
            {
                if (OcppServerCertificate.IsTrusted(certificate, chain, errors, roots, out var reason))
                {
                    return true;
                }

                OcppLog.ServerCertificateRejected(logger, uri, reason);
                onRejected();
                return false;
            };
        }
    }

    private static OcppConnectException Failed(string uri, ClientWebSocket socket, WebSocketException exception, bool certificateRejected)
    {
        if (certificateRejected)
        {
            return new OcppConnectException($"{uri} presented a certificate that does not pass the check against the Central System root", OcppConnectFailure.InvalidServerCertificate, innerException: exception);
        }

        if (socket.HttpStatusCode is var status && (int)status is > 0 and not 101)
        {
            return new OcppConnectException($"{uri} refused the WebSocket upgrade with HTTP {(int)status} {status}", OcppConnectFailure.Rejected, status, exception);
        }

        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is AuthenticationException)
            {
                return new OcppConnectException($"the TLS handshake with {uri} failed: {inner.Message}", OcppConnectFailure.TlsHandshakeFailed, innerException: exception);
            }
        }

        return new OcppConnectException($"could not connect to {uri}: {exception.InnerException?.Message ?? exception.Message}", OcppConnectFailure.Unreachable, innerException: exception);
    }

    private static async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(WebSocketCloseStatus.ProtocolError, "no OCPP subprotocol agreed", timeout.Token);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }
}
