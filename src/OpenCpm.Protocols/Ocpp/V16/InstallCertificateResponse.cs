namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>InstallCertificate.conf: the answer to <see cref="InstallCertificateRequest"/>.</summary>
public sealed record InstallCertificateResponse
{
    public required InstallCertificateStatus Status { get; init; }
}
