using System.Security.Cryptography.X509Certificates;

namespace OpenCpm.Ocpp.Certificates;

/// <summary>
/// One installed certificate as the store keeps it in memory: the certificate without its private key (the key of the
/// Charge Point Certificate stays encrypted until a connection needs it), and the intermediates that came with it.
/// </summary>
internal sealed record InstalledCertificate(long Id, CertificateType Type, X509Certificate2 Certificate, IReadOnlyList<X509Certificate2> Chain, bool HasPrivateKey, string Sha256, DateTimeOffset InstalledAt)
{
    public string Subject => Certificate.Subject;

    public string Issuer => Certificate.Issuer;

    public DateTimeOffset NotBefore => new(Certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);

    public DateTimeOffset NotAfter => new(Certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);

    public bool IsValidAt(DateTimeOffset now) => NotBefore <= now && now <= NotAfter;
}
