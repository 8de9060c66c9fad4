using System.Security.Cryptography.X509Certificates;

namespace OpenCpm.Protocols.Ocpp;

/// <summary>Where and how <see cref="OcppClient"/> connects a charge point to its Central System.</summary>
public sealed record OcppClientOptions
{
    /// <summary>The Central System's OCPP-J endpoint (<c>ws://</c> for profiles 0 and 1, <c>wss://</c> for 2 and 3); the identity is appended.</summary>
    public required Uri Endpoint { get; init; }

    /// <summary>The charge box identity: last path segment of the URL (percent-encoded) and the Basic-auth user name.</summary>
    public required string ChargeBoxIdentity { get; init; }

    public OcppSecurityProfile SecurityProfile { get; init; }

    /// <summary>The HTTP Basic password for profiles 1 and 2 (see <see cref="OcppBasicAuth.PasswordFromAuthorizationKey"/>). Never logged.</summary>
    public byte[]? BasicAuthPassword { get; init; }

    /// <summary>Profiles 2 and 3: the installed Central System root certificate; null checks against the system's trust store.</summary>
    public X509Certificate2? CentralSystemRootCertificate { get; init; }

    /// <summary>Profiles 2 and 3: more installed Central System root certificates (any of them, or <see cref="CentralSystemRootCertificate"/>, may anchor the server's chain).</summary>
    public IReadOnlyList<X509Certificate2> CentralSystemRootCertificates { get; init; } = [];

    /// <summary>Profile 3: the charge point certificate, with its private key.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>Offered in order of preference; the server must agree one of them.</summary>
    public IReadOnlyList<string> Subprotocols { get; init; } = [V16.OcppV16Actions.Subprotocol];

    /// <summary>WebSocket keep-alive interval (the WebSocketPingInterval key; zero sends none).</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When set, keep-alives are pings and a link whose pong does not come within this time is aborted (a half-open TCP
    /// connection is otherwise only noticed when a CALL times out). Infinite (the default) sends unsolicited pongs.
    /// </summary>
    public TimeSpan KeepAliveTimeout { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>How long the TCP, TLS and HTTP upgrade may take together.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
