namespace OpenCpm.Security;

/// <summary>Whether the password was confirmed, and the recovery key to show (null when refused, or when only its hash is kept).</summary>
internal sealed record RecoveryKeyResult(PasswordConfirmation Password, string? Key);
