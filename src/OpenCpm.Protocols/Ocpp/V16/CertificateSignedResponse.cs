namespace OpenCpm.Protocols.Ocpp.V16;

/// <summary>CertificateSigned.conf: the answer to <see cref="CertificateSignedRequest"/>.</summary>
public sealed record CertificateSignedResponse
{
    public required CertificateSignedStatus Status { get; init; }
}
