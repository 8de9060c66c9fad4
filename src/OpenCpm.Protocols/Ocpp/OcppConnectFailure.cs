namespace OpenCpm.Protocols.Ocpp;

/// <summary>Why <see cref="OcppClient.ConnectAsync"/> could not open a link (the host turns some into security events).</summary>
public enum OcppConnectFailure
{
    /// <summary>No TCP connection or no HTTP answer in time.</summary>
    Unreachable,

    /// <summary>The server answered the upgrade with an HTTP status instead of 101 (401: wrong password, 404: unknown identity).</summary>
    Rejected,

    /// <summary>The server completed the handshake without agreeing an OCPP subprotocol (OCPP-J §3.2: it must then close).</summary>
    NoSubprotocol,

    /// <summary>The Central System's certificate did not pass the check (whitepaper event InvalidCentralSystemCertificate).</summary>
    InvalidServerCertificate,

    /// <summary>The TLS handshake failed for another reason (version, cipher suite, our client certificate refused).</summary>
    TlsHandshakeFailed,
}
