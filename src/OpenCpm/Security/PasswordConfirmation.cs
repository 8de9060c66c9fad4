namespace OpenCpm.Security;

/// <summary>
/// Whether a signed-in user confirmed a grave action (factory reset, a new recovery key) with their password: a wrong
/// password counts as a failed login, so guesses are throttled like logins.
/// </summary>
internal sealed record PasswordConfirmation(bool Confirmed, TimeSpan RetryAfter)
{
    public static PasswordConfirmation Done { get; } = new(true, TimeSpan.Zero);

    public static PasswordConfirmation Wrong { get; } = new(false, TimeSpan.Zero);

    public bool LockedOut => RetryAfter > TimeSpan.Zero;

    /// <summary>Why the action was refused (English, for the API); null when confirmed.</summary>
    public string? Problem => Confirmed ? null : LockedOut ? PasswordChangeOutcome.LockedOutProblem(RetryAfter) : "The password is wrong.";
}
