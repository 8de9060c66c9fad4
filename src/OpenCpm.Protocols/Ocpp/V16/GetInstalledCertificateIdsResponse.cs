using System.ComponentModel.DataAnnotations;

namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>GetInstalledCertificateIds.conf: the answer to <see cref="GetInstalledCertificateIdsRequest"/>.</summary>
public sealed record GetInstalledCertificateIdsResponse
{
    [MinLength(1)]
    public IReadOnlyList<CertificateHashData>? CertificateHashData { get; init; }

    public required GetInstalledCertificateStatus Status { get; init; }
}
