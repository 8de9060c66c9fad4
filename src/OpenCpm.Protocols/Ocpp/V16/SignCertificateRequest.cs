using System.ComponentModel.DataAnnotations;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>SignCertificate.req (Charge Point → Central System, security whitepaper).</summary>
public sealed record SignCertificateRequest : IOcppRequest<SignCertificateResponse>
{
    [MaxLength(5500)]
    public required string Csr { get; init; }
}
