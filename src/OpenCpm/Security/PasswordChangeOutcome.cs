namespace OpenCpm.Security;

/// <summary>
/// What became of a password change: done (<see cref="Problem"/> null), or why not — a wrong current password (a
/// guess, to be throttled like a failed login) or a new password that breaks a rule.
/// </summary>
internal sealed record PasswordChangeOutcome(string? Problem, bool WrongCurrentPassword)
{
    public static PasswordChangeOutcome Done { get; } = new(null, false);
}
