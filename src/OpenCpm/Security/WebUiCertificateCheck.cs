using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OpenCpm.Security;

/// <summary>
/// Checks a .pfx (PKCS#12) file before the web UI serves HTTPS with it: it must open with the password, hold one
/// certificate with its private key (RSA of 2048 bits or more, or ECDSA) that is valid now and may serve TLS (its key
/// usage and extended key usage, where it has them, allow it). Gives the file again without a password (to keep
/// owner-only), with the chain it came with, or the sentence that says what is wrong.
/// </summary>
internal static class WebUiCertificateCheck
{
    public const int MaxFileBytes = 256 * 1024;

    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    public static WebUiCertificateCandidate Check(byte[] pfx, string? password, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pfx);
        if (pfx.Length == 0 || pfx.Length > MaxFileBytes)
        {
            return WebUiCertificateCandidate.Refused(FormattableString.Invariant($"A .pfx file of 1 byte to {MaxFileBytes / 1024} KB is needed, this one has {pfx.Length} bytes."));
        }

        X509Certificate2Collection collection;
        try
        {
            collection = X509CertificateLoader.LoadPkcs12Collection(pfx, password, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException)
        {
            return WebUiCertificateCandidate.Refused("The file could not be opened: it is not a .pfx (PKCS#12) file, or the password is wrong.");
        }

        try
        {
            var withKey = collection.Where(c => c.HasPrivateKey).ToList();
            if (withKey.Count == 0)
            {
                return WebUiCertificateCandidate.Refused("The .pfx file holds no private key: export the certificate together with its private key.");
            }

            var leaf = withKey.FirstOrDefault(AllowsServerAuthentication) ?? withKey[0];
            if (Problem(leaf, now) is { } problem)
            {
                return WebUiCertificateCandidate.Refused(problem);
            }

            // Leaf first, then the rest of the chain, no password: the file is kept readable by the controller only.
            var ordered = new X509Certificate2Collection(leaf);
            ordered.AddRange(collection.Where(c => c != leaf).ToArray());
            return new WebUiCertificateCandidate(ordered.Export(X509ContentType.Pkcs12), WebUiCertificateInfo.From(leaf), null);
        }
        finally
        {
            foreach (var certificate in collection)
            {
                certificate.Dispose();
            }
        }
    }

    private static string? Problem(X509Certificate2 leaf, DateTimeOffset now)
    {
        if (leaf.NotBefore.ToUniversalTime() > now.UtcDateTime)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The certificate is valid only from {leaf.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm} UTC on.");
        }

        if (leaf.NotAfter.ToUniversalTime() <= now.UtcDateTime)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The certificate expired on {leaf.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC.");
        }

        if (!AllowsServerAuthentication(leaf))
        {
            return "The certificate may not serve a website: its extended key usage lacks server authentication (1.3.6.1.5.5.7.3.1).";
        }

        if (leaf.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault() is { } usage
            && (usage.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyAgreement)) == 0)
        {
            return "The certificate's key usage allows neither digital signatures nor key encipherment, which TLS needs.";
        }

        using var rsa = leaf.GetRSAPrivateKey();
        if (rsa is not null)
        {
            return rsa.KeySize < 2048 ? FormattableString.Invariant($"The certificate's RSA key has {rsa.KeySize} bits; at least 2048 are needed.") : null;
        }

        using var ecdsa = leaf.GetECDsaPrivateKey();
        return ecdsa is null ? "The certificate's key is neither RSA nor ECDSA." : null;
    }

    private static bool AllowsServerAuthentication(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault() is not { } eku
        || eku.EnhancedKeyUsages.Cast<Oid>().Any(o => o.Value == ServerAuthentication);
}
