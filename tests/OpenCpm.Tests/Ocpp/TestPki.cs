using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OpenCpm.Tests.Ocpp;

/// <summary>
/// A throw-away certificate authority made per test with <see cref="CertificateRequest"/> (ECDSA P-256). Validity
/// spans both the real clock (TLS checks it) and the fake clock the OCPP tests run on.
/// </summary>
internal sealed class TestPki : IDisposable
{
    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";
    private static readonly DateTimeOffset FakeStart = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The start of every test certificate's validity (before the real and the fake clock).</summary>
    public TestPki(string name = "OpenCPM Test CA")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}, O=OpenCPM tests", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var root = request.CreateSelfSigned(From, Until);
        Root = Reload(root);
    }

    public static readonly DateTimeOffset From = (DateTimeOffset.UtcNow < FakeStart ? DateTimeOffset.UtcNow : FakeStart).AddDays(-2);

    /// <summary>The end of every test certificate's validity (a year after both clocks).</summary>
    public static readonly DateTimeOffset Until = (DateTimeOffset.UtcNow > FakeStart ? DateTimeOffset.UtcNow : FakeStart).AddYears(1);

    /// <summary>The CA's self-signed root, with its key.</summary>
    public X509Certificate2 Root { get; }

    public string RootPem => Root.ExportCertificatePem();

    /// <summary>A TLS server certificate for 127.0.0.1.</summary>
    public X509Certificate2 Server()
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        return Issue("CN=127.0.0.1, O=Test CSMS", ServerAuth, names.Build());
    }

    /// <summary>A charge point (TLS client) certificate.</summary>
    public X509Certificate2 ChargePoint(string commonName) => Issue($"CN={commonName}, O=Test CPO", ClientAuth, null);

    /// <summary>Signs a PKCS#10 request as the Central System's CA would (TC_074).</summary>
    public X509Certificate2 Sign(string csrPem)
    {
        var request = CertificateRequest.LoadSigningRequestPem(csrPem, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        return request.Create(Root, From, Until, RandomNumberGenerator.GetBytes(9));
    }

    /// <summary>A CA certificate that is not self-signed (an intermediate): not acceptable as a root.</summary>
    public X509Certificate2 Intermediate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Test Sub-CA, O=OpenCPM tests", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        return request.Create(Root, From, Until, RandomNumberGenerator.GetBytes(9));
    }

    /// <summary>A self-signed CA certificate that expired before both clocks.</summary>
    public static X509Certificate2 ExpiredRoot()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Expired Root", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        return request.CreateSelfSigned(From.AddYears(-3), From.AddYears(-2));
    }

    public static string KeyPem(X509Certificate2 certificate) =>
        (certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException("no key")).ExportPkcs8PrivateKeyPem();

    public void Dispose() => Root.Dispose();

    private X509Certificate2 Issue(string subject, string usage, X509Extension? extension)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        if (extension is not null)
        {
            request.CertificateExtensions.Add(extension);
        }

        using var certificate = request.Create(Root, From, Until, RandomNumberGenerator.GetBytes(9));
        using var withKey = certificate.CopyWithPrivateKey(key);
        return Reload(withKey);
    }

    private static X509Certificate2 Reload(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null, X509KeyStorageFlags.Exportable);
}
