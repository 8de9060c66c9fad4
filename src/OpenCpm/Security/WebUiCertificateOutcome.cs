namespace OpenCpm.Security;

/// <summary>What became of a change of the web UI certificate: done, or refused with the reason (nothing changed).</summary>
internal sealed record WebUiCertificateOutcome(bool Done, string? Problem)
{
    public static WebUiCertificateOutcome Ok { get; } = new(true, null);

    public static WebUiCertificateOutcome Refused(string problem) => new(false, problem);
}
