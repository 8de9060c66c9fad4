using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OpenCpm.Firmware;

/// <summary>
/// The checks of a signed firmware (security whitepaper, SignedUpdateFirmware): the signing certificate (PEM; any
/// intermediates after it) must chain, at the given moment, to one of the Manufacturer Root Certificates; the
/// signature (base64) must be one of the file's SHA-256 digest by that certificate's key — RSA with PKCS#1 v1.5
/// padding (PSS is accepted too) or ECDSA (DER or IEEE P1363 encoded). No I/O but the stream given, no clock: a
/// method returns null when all is well, else a sentence saying what is wrong.
/// </summary>
internal static class FirmwareSignature
{
    public static string? CertificateProblem(string signingCertificatePem, IReadOnlyList<X509Certificate2> roots, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var certificates = Parse(signingCertificatePem, out var problem);
        if (certificates is null)
        {
            return problem;
        }

        try
        {
            if (roots.Count == 0)
            {
                return "no Manufacturer Root Certificate is installed, so no signing certificate can be trusted";
            }

            var leaf = certificates[0];
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots.ToArray());
            chain.ChainPolicy.ExtraStore.AddRange(certificates.Skip(1).ToArray());
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.DisableCertificateDownloads = true;
            chain.ChainPolicy.VerificationTime = now.UtcDateTime;
            chain.ChainPolicy.VerificationTimeIgnored = false;
            if (chain.Build(leaf))
            {
                return null;
            }

            var reasons = chain.ChainStatus.Select(s => s.Status).Where(s => s != X509ChainStatusFlags.NoError).Distinct().ToList();
            return reasons.Contains(X509ChainStatusFlags.NotTimeValid)
                ? $"the signing certificate {leaf.Subject} (or one above it) is not valid at {now.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC (valid {leaf.NotBefore.ToUniversalTime():yyyy-MM-dd} to {leaf.NotAfter.ToUniversalTime():yyyy-MM-dd})"
                : $"the signing certificate {leaf.Subject} does not chain to an installed Manufacturer Root Certificate ({string.Join(", ", reasons)})";
        }
        finally
        {
            foreach (var certificate in certificates)
            {
                certificate.Dispose();
            }
        }
    }

    public static string? SignatureProblem(string signingCertificatePem, string signatureBase64, Stream file)
    {
        ArgumentNullException.ThrowIfNull(file);
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(signatureBase64 ?? "");
        }
        catch (FormatException)
        {
            return "the signature is not base64";
        }

        if (signature.Length == 0)
        {
            return "the signature is empty";
        }

        var certificates = Parse(signingCertificatePem, out var problem);
        if (certificates is null)
        {
            return problem;
        }

        try
        {
            var digest = SHA256.HashData(file);
            var leaf = certificates[0];
            using var rsa = leaf.GetRSAPublicKey();
            using var ecdsa = leaf.GetECDsaPublicKey();
            var valid = Verify(rsa, ecdsa, digest, signature);
            return valid switch
            {
                null => $"the signing certificate's key ({leaf.PublicKey.Oid.FriendlyName ?? leaf.PublicKey.Oid.Value}) is neither RSA nor ECDSA",
                false => "the signature does not match the downloaded file with the signing certificate's key",
                true => null,
            };
        }
        finally
        {
            foreach (var certificate in certificates)
            {
                certificate.Dispose();
            }
        }
    }

    private static bool? Verify(RSA? rsa, ECDsa? ecdsa, byte[] digest, byte[] signature)
    {
        try
        {
            return (rsa, ecdsa) switch
            {
                ({ } r, _) => r.VerifyHash(digest, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                    || r.VerifyHash(digest, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
                (_, { } e) => e.VerifyHash(digest, signature, DSASignatureFormat.Rfc3279DerSequence)
                    || e.VerifyHash(digest, signature, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
                _ => (bool?)null,
            };
        }
        catch (CryptographicException)
        {
            return false; // a signature of the wrong shape for the key
        }
    }

    private static List<X509Certificate2>? Parse(string? pem, out string? problem)
    {
        problem = null;
        var collection = new X509Certificate2Collection();
        try
        {
            collection.ImportFromPem(pem ?? "");
        }
        catch (CryptographicException e)
        {
            problem = $"the signing certificate is not a PEM certificate: {e.Message}";
            return null;
        }

        if (collection.Count == 0)
        {
            problem = "the signing certificate holds no PEM certificate";
            return null;
        }

        return [.. collection];
    }
}
