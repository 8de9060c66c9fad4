namespace OpenCpm.Protocols.Ocpp;

/// <summary>Security profiles of the OCPP 1.6 security whitepaper (§2): how the charge point and the Central System authenticate.</summary>
public enum OcppSecurityProfile
{
    /// <summary>No authentication (what OCPP 1.6 without the whitepaper assumes: a trusted network).</summary>
    None = 0,

    /// <summary>Plain <c>ws://</c>, the charge point authenticated by HTTP Basic (identity : AuthorizationKey).</summary>
    BasicAuth = 1,

    /// <summary><c>wss://</c> with the server certificate checked, the charge point authenticated by HTTP Basic.</summary>
    TlsWithBasicAuth = 2,

    /// <summary><c>wss://</c> with the server certificate checked, the charge point authenticated by its client certificate.</summary>
    TlsWithClientCertificate = 3,
}
