namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>SignCertificate.conf: the answer to <see cref="SignCertificateRequest"/>.</summary>
public sealed record SignCertificateResponse
{
    public required GenericStatus Status { get; init; }
}
