namespace OpenCpm.Security;

/// <summary>
/// What became of a login: the user and their new login token, or a refusal — wrong name or password, or locked out
/// for <see cref="RetryAfter"/> after repeated failures.
/// </summary>
internal sealed record LoginOutcome
{
    public UserAccount? User { get; private init; }

    public IssuedToken? Token { get; private init; }

    /// <summary>How long logins are refused (zero when the login was not locked out).</summary>
    public TimeSpan RetryAfter { get; private init; }

    public bool Succeeded => User is not null;

    public bool LockedOut => RetryAfter > TimeSpan.Zero;

    public static LoginOutcome Success(UserAccount user, IssuedToken token) => new() { User = user, Token = token };

    public static LoginOutcome WrongCredentials { get; } = new();

    public static LoginOutcome Locked(TimeSpan retryAfter) => new() { RetryAfter = retryAfter };
}
