namespace OpenCpm.Updates;

/// <summary>What became of a package: installed (the controller restarts into <see cref="Version"/>) or refused with the reason, nothing changed.</summary>
internal sealed record UpdateResult(bool Installed, string? Version, string Message)
{
    public static UpdateResult Refused(string reason) => new(false, null, reason);
}
