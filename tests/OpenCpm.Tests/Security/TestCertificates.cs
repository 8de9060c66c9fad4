using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OpenCpm.Tests.Security;

/// <summary>Certificates made in the test: self-signed for 127.0.0.1 and localhost, as a password-protected .pfx.</summary>
internal static class TestCertificates
{
    public const string Password = "pfx-Passw0rd";

    public static byte[] SelfSigned(
        string name = "opencpm-test", DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null, bool serverAuthentication = true, int rsaBits = 2048)
    {
        using var key = RSA.Create(rsaBits);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(serverAuthentication ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], critical: false));
        using var certificate = request.CreateSelfSigned(notBefore ?? DateTimeOffset.UtcNow.AddDays(-1), notAfter ?? DateTimeOffset.UtcNow.AddDays(30));
        return certificate.Export(X509ContentType.Pkcs12, Password);
    }

    public static string Thumbprint(byte[] pfx)
    {
        using var certificate = X509CertificateLoader.LoadPkcs12(pfx, Password);
        return certificate.Thumbprint;
    }

    /// <summary>A client that trusts exactly the certificate with <paramref name="thumbprint"/> (and nothing else).</summary>
    public static HttpClient PinnedClient(string thumbprint, Uri baseAddress) =>
        new(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                certificate is not null && string.Equals(certificate.Thumbprint, thumbprint, StringComparison.OrdinalIgnoreCase),
        })
        { BaseAddress = baseAddress };
}
