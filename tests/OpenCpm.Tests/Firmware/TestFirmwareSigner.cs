using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OpenCpm.Tests.Firmware;

/// <summary>
/// A test manufacturer: a root CA (the Manufacturer Root Certificate) and a firmware signing certificate it issued,
/// valid from <see cref="NotBefore"/> for a year; RSA (PKCS#1 v1.5 signatures) or ECDSA P-256.
/// </summary>
internal sealed class TestFirmwareSigner : IDisposable
{
    public static readonly DateTimeOffset NotBefore = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly AsymmetricAlgorithm _rootKey;
    private readonly AsymmetricAlgorithm _leafKey;

    public TestFirmwareSigner(bool ecdsa = false, string name = "Test Manufacturer")
    {
        _rootKey = ecdsa ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : RSA.Create(2048);
        _leafKey = ecdsa ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : RSA.Create(2048);
        var rootRequest = Request($"CN={name} Root, O={name}", _rootKey);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Root = rootRequest.CreateSelfSigned(NotBefore.AddDays(-1), NotBefore.AddYears(10));
        var leafRequest = Request($"CN={name} Firmware Signing, O={name}", _leafKey);
        leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        leafRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        Leaf = leafRequest.Create(Root, NotBefore, NotBefore.AddYears(1), [1, 2, 3, 4, 5, 6, 7, 8]);
    }

    public X509Certificate2 Root { get; }

    /// <summary>The signing certificate (public part only).</summary>
    public X509Certificate2 Leaf { get; }

    public string LeafPem => Leaf.ExportCertificatePem();

    /// <summary>The whitepaper's signature of a file: SHA-256, signed with the signing certificate's key, base64.</summary>
    public string Sign(byte[] content) => Convert.ToBase64String(_leafKey switch
    {
        RSA rsa => rsa.SignData(content, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        ECDsa ec => ec.SignData(content, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence),
        _ => throw new InvalidOperationException("an unknown key"),
    });

    public void Dispose()
    {
        Root.Dispose();
        Leaf.Dispose();
        _rootKey.Dispose();
        _leafKey.Dispose();
    }

    private static CertificateRequest Request(string subject, AsymmetricAlgorithm key) => key switch
    {
        RSA rsa => new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        ECDsa ec => new CertificateRequest(subject, ec, HashAlgorithmName.SHA256),
        _ => throw new InvalidOperationException("an unknown key"),
    };
}
