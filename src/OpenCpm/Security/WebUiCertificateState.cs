namespace OpenCpm.Security;

/// <summary>The web UI certificate in use and the one before it (file names in the certificates folder; null: none).</summary>
internal sealed record WebUiCertificateState
{
    public string? Active { get; init; }

    public string? Previous { get; init; }
}
