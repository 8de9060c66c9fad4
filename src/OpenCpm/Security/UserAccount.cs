namespace OpenCpm.Security;

/// <summary>A web UI / API user as the rest of the host sees it (no hash).</summary>
internal sealed record UserAccount(int Id, string Name, string Role, bool MustChangePassword);
