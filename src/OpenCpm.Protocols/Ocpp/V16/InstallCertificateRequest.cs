using System.ComponentModel.DataAnnotations;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>InstallCertificate.req (Central System → Charge Point, security whitepaper).</summary>
public sealed record InstallCertificateRequest : IOcppRequest<InstallCertificateResponse>
{
    public required CertificateUse CertificateType { get; init; }

    [MaxLength(5500)]
    public required string Certificate { get; init; }
}
