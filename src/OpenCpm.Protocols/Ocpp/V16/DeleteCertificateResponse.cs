namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>DeleteCertificate.conf: the answer to <see cref="DeleteCertificateRequest"/>.</summary>
public sealed record DeleteCertificateResponse
{
    public required DeleteCertificateStatus Status { get; init; }
}
