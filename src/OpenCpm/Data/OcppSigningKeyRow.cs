namespace OpenCpm.Data;

/// <summary>
/// The key of the certificate signing request sent last (SignCertificate) while its CertificateSigned is awaited: at
/// most one row; its PKCS#8 private key encrypted with ASP.NET Core data protection, never stored in the clear. Kept so
/// a restart between the request and the backend's answer does not make the signed certificate useless.
/// </summary>
internal sealed class OcppSigningKeyRow
{
    public long Id { get; set; }

    /// <summary>The private key as data protection left it.</summary>
    public required byte[] ProtectedKey { get; set; }

    public DateTimeOffset RequestedAt { get; set; }
}
