using System.Security.Cryptography.X509Certificates;

namespace OpenCpm.Security;

/// <summary>What the Web UI certificate page shows of a certificate: whom it names, who issued it, how long it is valid.</summary>
internal sealed record WebUiCertificateInfo(
    string Subject, string Issuer, IReadOnlyList<string> Names, string Thumbprint, DateTimeOffset NotBefore, DateTimeOffset NotAfter)
{
    public bool SelfSigned => Subject == Issuer;

    public static WebUiCertificateInfo From(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var names = new List<string>();
        if (certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault() is { } san)
        {
            names.AddRange(san.EnumerateDnsNames());
            names.AddRange(san.EnumerateIPAddresses().Select(a => a.ToString()));
        }

        if (names.Count == 0 && certificate.GetNameInfo(X509NameType.DnsName, forIssuer: false) is { Length: > 0 } common)
        {
            names.Add(common);
        }

        return new WebUiCertificateInfo(
            certificate.Subject, certificate.Issuer, names, certificate.Thumbprint, new DateTimeOffset(certificate.NotBefore.ToUniversalTime()), new DateTimeOffset(certificate.NotAfter.ToUniversalTime()));
    }
}
