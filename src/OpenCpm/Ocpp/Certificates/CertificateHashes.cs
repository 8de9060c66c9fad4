using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.Ocpp.Certificates;

/// <summary>
/// CertificateHashData as the security whitepaper (edition 3) defines it: issuerNameHash over the DER of the
/// certificate's issuer name, issuerKeyHash over the issuer's public key (the value of its subjectPublicKey bit
/// string, without tag, length and unused-bits byte — as OCSP's CertID), both hex, and the serial number as hex
/// without leading zeroes. Written lower-case; compared without regard to case.
/// </summary>
internal static class CertificateHashes
{
    public static CertificateHashData Of(X509Certificate2 certificate, X509Certificate2 issuer, Protocols.Ocpp.V16.HashAlgorithm algorithm = Protocols.Ocpp.V16.HashAlgorithm.SHA256)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(issuer);
        return new CertificateHashData
        {
            HashAlgorithm = algorithm,
            IssuerNameHash = Hex(Hash(algorithm, certificate.IssuerName.RawData)),
            IssuerKeyHash = Hex(Hash(algorithm, issuer.PublicKey.EncodedKeyValue.RawData)),
            SerialNumber = Serial(certificate),
        };
    }

    /// <summary>The serial number as hex without leading zeroes ("0" for zero).</summary>
    public static string Serial(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var serial = certificate.SerialNumber.TrimStart('0').ToLowerInvariant();
        return serial.Length == 0 ? "0" : serial;
    }

    public static bool Same(CertificateHashData a, CertificateHashData b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.HashAlgorithm == b.HashAlgorithm
            && string.Equals(a.IssuerNameHash, b.IssuerNameHash, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.IssuerKeyHash, b.IssuerKeyHash, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.SerialNumber.TrimStart('0'), b.SerialNumber.TrimStart('0'), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>SHA-256 of the DER, upper-case hex: the fingerprint the API shows.</summary>
    public static string Fingerprint(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToHexString(SHA256.HashData(certificate.RawData));
    }

    private static byte[] Hash(Protocols.Ocpp.V16.HashAlgorithm algorithm, byte[] data) => algorithm switch
    {
        Protocols.Ocpp.V16.HashAlgorithm.SHA384 => SHA384.HashData(data),
        Protocols.Ocpp.V16.HashAlgorithm.SHA512 => SHA512.HashData(data),
        _ => SHA256.HashData(data),
    };

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
