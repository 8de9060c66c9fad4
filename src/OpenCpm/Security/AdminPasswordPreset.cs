namespace OpenCpm.Security;

/// <summary>The admin password given on the command line (`--admin-password`), used only when no user exists yet.</summary>
internal sealed record AdminPasswordPreset(string? Password);
