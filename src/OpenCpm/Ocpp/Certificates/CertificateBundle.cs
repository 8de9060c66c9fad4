using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OpenCpm.Ocpp.Certificates;

/// <summary>
/// Certificates and at most one private key as an operator or the backend hands them over: PEM text (CERTIFICATE
/// blocks, and PRIVATE KEY, EC/RSA PRIVATE KEY or ENCRYPTED PRIVATE KEY with a password) or a PKCS#12 (.pfx) file
/// with its password. <see cref="Leaf"/> is the certificate the key belongs to (else the first one).
/// </summary>
internal sealed record CertificateBundle(IReadOnlyList<X509Certificate2> Certificates, byte[]? Pkcs8Key)
{
    public const int MaxCertificates = 10;

    public X509Certificate2 Leaf => Pkcs8Key is { } key ? Certificates.FirstOrDefault(c => PrivateKeys.Matches(c, key)) ?? Certificates[0] : Certificates[0];

    public IReadOnlyList<X509Certificate2> Others => [.. Certificates.Where(c => !ReferenceEquals(c, Leaf))];

    public static CertificateBundle FromPem(string text, string? password, string field = "pem")
    {
        ArgumentNullException.ThrowIfNull(text);
        var certificates = new List<X509Certificate2>();
        byte[]? key = null;
        var rest = text.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            var label = rest[fields.Label].ToString();
            var der = new byte[fields.DecodedDataLength];
            if (!Convert.TryFromBase64Chars(rest[fields.Base64Data], der, out _))
            {
                throw new CertificateProblemException($"The {label} block of {field} is not valid base64.", field);
            }

            switch (label)
            {
                case "CERTIFICATE":
                    certificates.Add(Load(der, field));
                    break;
                case "PRIVATE KEY" or "EC PRIVATE KEY" or "RSA PRIVATE KEY" or "ENCRYPTED PRIVATE KEY":
                    key = key is null ? Key(label, der, password, field) : throw new CertificateProblemException($"{field} holds more than one private key.", field);
                    break;
                default:
                    break; // parameters and the like: not ours
            }

            rest = rest[fields.Location.End..];
            if (certificates.Count > MaxCertificates)
            {
                throw new CertificateProblemException($"{field} holds more than {MaxCertificates} certificates.", field);
            }
        }

        return certificates.Count == 0
            ? throw new CertificateProblemException($"{field} holds no PEM certificate (-----BEGIN CERTIFICATE-----).", field)
            : new CertificateBundle(certificates, key);
    }

    public static CertificateBundle FromPfx(byte[] pfx, string? password, string field = "pfx")
    {
        ArgumentNullException.ThrowIfNull(pfx);
        if (!LooksLikePkcs12(pfx))
        {
            throw new CertificateProblemException($"{field} is not a PKCS#12 (.pfx) file.", field);
        }

        X509Certificate2Collection collection;
        try
        {
            collection = X509CertificateLoader.LoadPkcs12Collection(pfx, password, X509KeyStorageFlags.EphemeralKeySet | X509KeyStorageFlags.Exportable);
        }
        catch (CryptographicException ex)
        {
            throw new CertificateProblemException($"The .pfx could not be opened with the password given: the password is wrong ({ex.Message.TrimEnd('.')}).", "password", ex);
        }

        if (collection.Count is 0 or > MaxCertificates)
        {
            throw new CertificateProblemException($"{field} holds {collection.Count} certificates; 1 to {MaxCertificates} are expected.", field);
        }

        var withKey = collection.FirstOrDefault(c => c.HasPrivateKey);
        var key = withKey is null ? null : PrivateKeys.Export(withKey);
        return new CertificateBundle([.. collection.Select(c => X509CertificateLoader.LoadCertificate(c.RawData))], key);
    }

    private static X509Certificate2 Load(byte[] der, string field)
    {
        try
        {
            return X509CertificateLoader.LoadCertificate(der);
        }
        catch (CryptographicException ex)
        {
            throw new CertificateProblemException($"A CERTIFICATE block of {field} is not an X.509 certificate ({ex.Message.TrimEnd('.')}).", field, ex);
        }
    }

    private static byte[] Key(string label, byte[] der, string? password, string field)
    {
        try
        {
            if (label == "ENCRYPTED PRIVATE KEY")
            {
                if (string.IsNullOrEmpty(password))
                {
                    throw new CertificateProblemException($"The private key of {field} is encrypted: a password is needed.", "password");
                }

                return Reexport(k => k.ImportEncryptedPkcs8PrivateKey(password, der, out _), k => k.ImportEncryptedPkcs8PrivateKey(password, der, out _), "password");
            }

            return label switch
            {
                "EC PRIVATE KEY" => Reexport(k => k.ImportECPrivateKey(der, out _), null, field),
                "RSA PRIVATE KEY" => Reexport(null, k => k.ImportRSAPrivateKey(der, out _), field),
                _ => Reexport(k => k.ImportPkcs8PrivateKey(der, out _), k => k.ImportPkcs8PrivateKey(der, out _), field),
            };
        }
        catch (CryptographicException ex)
        {
            throw new CertificateProblemException($"The private key of {field} can't be read ({ex.Message.TrimEnd('.')}).", label == "ENCRYPTED PRIVATE KEY" ? "password" : field, ex);
        }
    }

    /// <summary>Imports as EC, else as RSA, and exports PKCS#8.</summary>
    private static byte[] Reexport(Action<ECDsa>? asEc, Action<RSA>? asRsa, string field)
    {
        CryptographicException? failure = null;
        if (asEc is not null)
        {
            using var ec = ECDsa.Create();
            try
            {
                asEc(ec);
                return ec.ExportPkcs8PrivateKey();
            }
            catch (CryptographicException ex)
            {
                failure = ex;
            }
        }

        if (asRsa is not null)
        {
            using var rsa = RSA.Create();
            asRsa(rsa);
            return rsa.ExportPkcs8PrivateKey();
        }

        throw failure ?? new CryptographicException($"no key in {field}");
    }

    /// <summary>A DER SEQUENCE starting with version 3 (PFX), so garbage is told apart from a wrong password.</summary>
    private static bool LooksLikePkcs12(byte[] bytes)
    {
        try
        {
            var reader = new AsnReader(bytes, AsnEncodingRules.BER);
            var pfx = reader.ReadSequence();
            return pfx.TryReadInt32(out var version) && version == 3;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }
}
