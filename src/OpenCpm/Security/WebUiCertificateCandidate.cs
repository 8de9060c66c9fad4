namespace OpenCpm.Security;

/// <summary>A checked .pfx: the file to keep (no password, leaf first) and what it names, or why it was refused.</summary>
internal sealed record WebUiCertificateCandidate(byte[]? Pfx, WebUiCertificateInfo? Info, string? Problem)
{
    public static WebUiCertificateCandidate Refused(string problem) => new(null, null, problem);
}
