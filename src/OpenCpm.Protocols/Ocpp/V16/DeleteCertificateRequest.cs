namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>DeleteCertificate.req (Central System → Charge Point, security whitepaper).</summary>
public sealed record DeleteCertificateRequest : IOcppRequest<DeleteCertificateResponse>
{
    public required CertificateHashData CertificateHashData { get; init; }
}
