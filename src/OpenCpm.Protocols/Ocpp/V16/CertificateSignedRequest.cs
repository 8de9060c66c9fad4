using System.ComponentModel.DataAnnotations;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>CertificateSigned.req (Central System → Charge Point, security whitepaper).</summary>
public sealed record CertificateSignedRequest : IOcppRequest<CertificateSignedResponse>
{
    [MaxLength(10000)]
    public required string CertificateChain { get; init; }
}
