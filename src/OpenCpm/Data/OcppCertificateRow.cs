namespace OpenCpm.Data;

/// <summary>
/// One installed certificate of the OCPP security whitepaper (<see cref="Ocpp.Certificates.CertificateStore"/>): a
/// Central System or Manufacturer root, or the Charge Point Certificate with its chain and its private key (PKCS#8,
/// encrypted with ASP.NET Core data protection — never stored in the clear).
/// </summary>
internal sealed class OcppCertificateRow
{
    public long Id { get; set; }

    /// <summary>A <see cref="Ocpp.Certificates.CertificateType"/> name.</summary>
    public required string Type { get; set; }

    /// <summary>The certificate, DER.</summary>
    public required byte[] Certificate { get; set; }

    /// <summary>The Charge Point Certificate's intermediates (PEM), leaf excluded; null for roots.</summary>
    public string? Chain { get; set; }

    /// <summary>The Charge Point Certificate's private key as data protection left it; null for roots.</summary>
    public byte[]? ProtectedKey { get; set; }

    /// <summary>SHA-256 of the DER, upper-case hex (unique per type).</summary>
    public required string Sha256 { get; set; }

    public DateTimeOffset InstalledAt { get; set; }
}
