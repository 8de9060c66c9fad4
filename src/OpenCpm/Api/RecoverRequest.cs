namespace OpenCpm.Api;

/// <summary>The recovery key and the new admin password (absent = a first-login password is made and answered).</summary>
internal sealed record RecoverRequest(string? RecoveryKey, string? NewPassword);
