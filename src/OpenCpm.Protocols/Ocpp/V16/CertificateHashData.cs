using System.ComponentModel.DataAnnotations;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>CertificateHashData (security whitepaper: CertificateHashDataType), used in DeleteCertificate.req, GetInstalledCertificateIds.conf.</summary>
public sealed record CertificateHashData
{
    public required HashAlgorithm HashAlgorithm { get; init; }

    [MaxLength(128)]
    public required string IssuerNameHash { get; init; }

    [MaxLength(128)]
    public required string IssuerKeyHash { get; init; }

    [MaxLength(40)]
    public required string SerialNumber { get; init; }
}
