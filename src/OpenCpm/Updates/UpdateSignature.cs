using System.Security.Cryptography;

namespace OpenCpm.Updates;

/// <summary>
/// The signature of an update package: ECDSA on the NIST P-256 curve with SHA-256 over the exact bytes of its
/// manifest, stored as the 64-byte IEEE P1363 form in base64. Keys are PEM files (the public one ships with the
/// product; the private one stays on the release machine: docs/provisioning.md).
/// </summary>
internal static class UpdateSignature
{
    public static string Sign(byte[] manifest, ECDsa privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        return Convert.ToBase64String(privateKey.SignData(manifest, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    public static bool Verify(byte[] manifest, string signature, ECDsa publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(signature.Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        return publicKey.VerifyData(manifest, bytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    /// <summary>A key from a PEM file (public or private); throws <see cref="UpdatePackageException"/> with the reason.</summary>
    public static ECDsa LoadKey(string path)
    {
        string pem;
        try
        {
            pem = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UpdatePackageException($"The update signing key {path} can't be read: {e.Message}", e);
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new UpdatePackageException($"{path} is not an ECDSA key in PEM form: {e.Message}", e);
        }

        if (key.KeySize != 256)
        {
            key.Dispose();
            throw new UpdatePackageException(FormattableString.Invariant($"{path} is a {key.KeySize}-bit key; update packages are signed with ECDSA P-256."));
        }

        return key;
    }
}
