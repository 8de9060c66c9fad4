using OpenCpm.Ocpp.Certificates;

namespace OpenCpm.Api;

/// <summary>An installed OCPP certificate as the API shows it: what it names and its fingerprint — never the private key.</summary>
internal sealed record CertificateDto(
    long Id,
    CertificateType Type,
    string Subject,
    string Issuer,
    string SerialNumber,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    string Sha256Fingerprint,
    bool HasPrivateKey,
    int ChainLength,
    DateTimeOffset InstalledAt)
{
    public static CertificateDto From(InstalledCertificate c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Id, c.Type, c.Subject, c.Issuer, CertificateHashes.Serial(c.Certificate), c.NotBefore, c.NotAfter, c.Sha256, c.HasPrivateKey, c.Chain.Count, c.InstalledAt);
    }
}
