namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>GetInstalledCertificateIds.req (Central System → Charge Point, security whitepaper).</summary>
public sealed record GetInstalledCertificateIdsRequest : IOcppRequest<GetInstalledCertificateIdsResponse>
{
    public required CertificateUse CertificateType { get; init; }
}
