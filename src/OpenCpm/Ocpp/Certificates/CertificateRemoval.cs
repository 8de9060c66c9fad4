namespace OpenCpm.Ocpp.Certificates;

/// <summary>The outcome of a deletion and, unless deleted, a sentence saying why not.</summary>
internal sealed record CertificateRemoval(CertificateRemovalStatus Status, string? Problem = null);
