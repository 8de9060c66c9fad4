using OpenCpm.Ocpp.Certificates;

namespace OpenCpm.Api;

/// <summary>
/// An upload: the certificate's <c>type</c>, and either <c>pem</c> (PEM text; for the charge point certificate with its
/// PRIVATE KEY block) or <c>pfx</c> (a .pfx file, base64) with its <c>password</c>.
/// </summary>
internal sealed record CertificateUploadRequest
{
    public required CertificateType Type { get; init; }

    public string? Pem { get; init; }

    public string? Pfx { get; init; }

    /// <summary>The .pfx password, or that of an ENCRYPTED PRIVATE KEY. Never stored, logged or shown.</summary>
    public string? Password { get; init; }
}
