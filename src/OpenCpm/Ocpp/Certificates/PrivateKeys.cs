using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OpenCpm.Ocpp.Certificates;

/// <summary>The Charge Point Certificate's private key as PKCS#8 (what the store encrypts) and back onto the certificate.</summary>
internal static class PrivateKeys
{
    public static byte[] Export(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var ec = certificate.GetECDsaPrivateKey();
        if (ec is not null)
        {
            return ec.ExportPkcs8PrivateKey();
        }

        using var rsa = certificate.GetRSAPrivateKey();
        return rsa?.ExportPkcs8PrivateKey() ?? throw new CertificateProblemException("The charge point certificate's key is neither an EC nor an RSA key.", "file");
    }

    /// <summary>The certificate with the key, through PKCS#12 so TLS finds the key on every platform; throws when they do not belong together.</summary>
    public static X509Certificate2 Attach(X509Certificate2 certificate, ReadOnlySpan<byte> pkcs8)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var withKey = certificate.GetECDsaPublicKey() is { } ecPublic
            ? WithEc(certificate, pkcs8, ecPublic)
            : WithRsa(certificate, pkcs8);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), password: null, X509KeyStorageFlags.EphemeralKeySet);
    }

    /// <summary>Whether <paramref name="pkcs8"/> is the private key of <paramref name="certificate"/>.</summary>
    public static bool Matches(X509Certificate2 certificate, ReadOnlySpan<byte> pkcs8)
    {
        try
        {
            using var attached = Attach(certificate, pkcs8);
            return attached.HasPrivateKey;
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    private static X509Certificate2 WithEc(X509Certificate2 certificate, ReadOnlySpan<byte> pkcs8, ECDsa ecPublic)
    {
        ecPublic.Dispose();
        using var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(pkcs8, out _);
        return certificate.CopyWithPrivateKey(key);
    }

    private static X509Certificate2 WithRsa(X509Certificate2 certificate, ReadOnlySpan<byte> pkcs8)
    {
        using var key = RSA.Create();
        key.ImportPkcs8PrivateKey(pkcs8, out _);
        return certificate.CopyWithPrivateKey(key);
    }
}
