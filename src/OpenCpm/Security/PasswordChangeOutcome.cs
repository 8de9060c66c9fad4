namespace OpenCpm.Security;

/// <summary>
/// What became of a password change: done (<see cref="Problem"/> null), or why not — a wrong current password (a
/// guess, to be throttled like a failed login), a new password that breaks a rule, or locked out for
/// <see cref="RetryAfter"/> after repeated wrong passwords.
/// </summary>
internal sealed record PasswordChangeOutcome(string? Problem, bool WrongCurrentPassword)
{
    public static PasswordChangeOutcome Done { get; } = new(null, false);

    /// <summary>How long password changes are refused (zero when not locked out).</summary>
    public TimeSpan RetryAfter { get; private init; }

    public bool LockedOut => RetryAfter > TimeSpan.Zero;

    public static PasswordChangeOutcome Locked(TimeSpan retryAfter) => new(LockedOutProblem(retryAfter), false) { RetryAfter = retryAfter };

    /// <summary>The sentence of a lockout, for logins and password changes alike.</summary>
    public static string LockedOutProblem(TimeSpan retryAfter) => FormattableString.Invariant(
        $"Too many failed logins for this user or address: try again in {Math.Ceiling(retryAfter.TotalSeconds):0} s.");
}
