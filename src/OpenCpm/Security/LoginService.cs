using System.Security.Claims;
using OpenCpm.Data;

namespace OpenCpm.Security;

/// <summary>
/// Logging in and changing one's password, the same for the REST API (bearer tokens) and the web UI (a cookie that
/// carries a login token): both are throttled per address first, then per user name for addresses that failed
/// (<see cref="LoginThrottle"/>); a wrong current password counts as a failed login. Every outcome is logged (names
/// escaped), lockouts and password changes go to the event log.
/// </summary>
internal sealed class LoginService(
    UserAccounts users, TokenService tokens, LoginThrottle throttle, EventLog events, ILogger<LoginService> logger)
{
    /// <summary>The event-log source of security events.</summary>
    public const string EventSource = "security";

    /// <summary>Checks name and password (unless locked out) and issues a login token on success.</summary>
    public async Task<LoginOutcome> LoginAsync(string userName, string password, string clientAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        if (LockedOut(userName, clientAddress) is { } wait)
        {
            return LoginOutcome.Locked(wait);
        }

        var user = await users.AuthenticateAsync(userName, password, cancellationToken);
        if (user is null)
        {
            SecurityLog.LoginFailed(logger, LogText.Escape(userName), clientAddress);
            await RecordFailureAsync(userName, clientAddress, cancellationToken);
            return LoginOutcome.WrongCredentials;
        }

        throttle.RecordSuccess(userName, clientAddress);
        var token = await tokens.IssueLoginTokenAsync(user.Id, cancellationToken);
        SecurityLog.LoggedIn(logger, LogText.Escape(user.Name), clientAddress);
        return LoginOutcome.Success(user, token);
    }

    /// <summary>
    /// Changes the password of the signed-in <paramref name="user"/> (current one checked, rules of
    /// <see cref="PasswordPolicy"/>) and revokes every other token of theirs, login and API; the token of a first
    /// login (issued while the password had to be changed) ends too, so the new password must be used to log in.
    /// </summary>
    public async Task<PasswordChangeOutcome> ChangePasswordAsync(
        ClaimsPrincipal user, string currentPassword, string newPassword, string clientAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.UserName();
        if (LockedOut(name, clientAddress) is { } wait)
        {
            return PasswordChangeOutcome.Locked(wait);
        }

        long? keep = user.HasClaim(c => c.Type == OpenCpmClaims.MustChangePassword) ? null : user.TokenIdOrNull();
        var outcome = await users.ChangePasswordAsync(user.UserId(), currentPassword, newPassword, keep, cancellationToken);
        if (outcome.WrongCurrentPassword)
        {
            SecurityLog.PasswordChangeFailed(logger, LogText.Escape(name), clientAddress);
            await RecordFailureAsync(name, clientAddress, cancellationToken);
        }

        if (outcome.Problem is null)
        {
            SecurityLog.PasswordChanged(logger, LogText.Escape(name));
            await events.InfoAsync(EventSource, $"{LogText.Escape(name)} changed their password; every other token was revoked.", cancellationToken);
        }

        return outcome;
    }

    /// <summary>
    /// Checks the password of the signed-in <paramref name="user"/> before a grave action; throttled like a login (a
    /// wrong password counts as a failed login for the address and the name).
    /// </summary>
    public async Task<PasswordConfirmation> ConfirmPasswordAsync(ClaimsPrincipal user, string? password, string clientAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.UserName();
        if (LockedOut(name, clientAddress) is { } wait)
        {
            return new PasswordConfirmation(false, wait);
        }

        if (string.IsNullOrEmpty(password) || await users.AuthenticateAsync(name, password, cancellationToken) is null)
        {
            SecurityLog.PasswordConfirmationFailed(logger, LogText.Escape(name), clientAddress);
            await RecordFailureAsync(name, clientAddress, cancellationToken);
            return PasswordConfirmation.Wrong;
        }

        return PasswordConfirmation.Done;
    }

    private TimeSpan? LockedOut(string userName, string clientAddress)
    {
        var wait = throttle.RetryAfter(userName, clientAddress);
        if (wait <= TimeSpan.Zero)
        {
            return null;
        }

        SecurityLog.LoginLockedOut(logger, LogText.Escape(userName), clientAddress, (int)Math.Ceiling(wait.TotalSeconds));
        return wait;
    }

    private async Task RecordFailureAsync(string userName, string clientAddress, CancellationToken cancellationToken)
    {
        var (addressLockout, nameLockout) = throttle.RecordFailure(userName, clientAddress);
        if (addressLockout > TimeSpan.Zero)
        {
            await events.WarningAsync(EventSource, FormattableString.Invariant(
                $"Logins from {clientAddress} are locked for {addressLockout.TotalSeconds:0} s after repeated failures."), cancellationToken);
        }

        if (nameLockout > TimeSpan.Zero)
        {
            await events.WarningAsync(EventSource, FormattableString.Invariant(
                $"Logins for user \"{LogText.Escape(userName)}\" are locked for {nameLockout.TotalSeconds:0} s after repeated failures, from addresses that failed (not from those it logged in from)."), cancellationToken);
        }
    }
}
