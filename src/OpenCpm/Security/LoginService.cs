using System.Globalization;
using OpenCpm.Data;

namespace OpenCpm.Security;

/// <summary>
/// Logging in and changing one's password, the same for the REST API (bearer tokens) and the web UI (a cookie that
/// carries a login token): repeated failures are throttled per user name and address (<see cref="LoginThrottle"/>),
/// every outcome is logged, lockouts and password changes go to the event log.
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
        var wait = throttle.RetryAfter(userName, clientAddress);
        if (wait > TimeSpan.Zero)
        {
            SecurityLog.LoginLockedOut(logger, userName, clientAddress, (int)Math.Ceiling(wait.TotalSeconds));
            return LoginOutcome.Locked(wait);
        }

        var user = await users.AuthenticateAsync(userName, password, cancellationToken);
        if (user is null)
        {
            var lockout = throttle.RecordFailure(userName, clientAddress);
            SecurityLog.LoginFailed(logger, userName, clientAddress);
            if (lockout > TimeSpan.Zero)
            {
                await events.WarningAsync(EventSource, string.Create(CultureInfo.InvariantCulture,
                    $"Logins for user \"{userName}\" or from {clientAddress} are locked for {lockout.TotalSeconds:0} s after repeated failures."), cancellationToken);
            }

            return LoginOutcome.WrongCredentials;
        }

        throttle.RecordSuccess(userName);
        var token = await tokens.IssueLoginTokenAsync(user.Id, cancellationToken);
        SecurityLog.LoggedIn(logger, user.Name, clientAddress);
        return LoginOutcome.Success(user, token);
    }

    /// <summary>
    /// Changes the user's password (current one checked, rules of <see cref="PasswordPolicy"/>) and ends their other
    /// logins; null on success, else the sentence saying why not (the rule the new password breaks).
    /// </summary>
    public async Task<string?> ChangePasswordAsync(
        int userId, string userName, long keepTokenId, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        if (await users.ChangePasswordAsync(userId, currentPassword, newPassword, cancellationToken) is { } problem)
        {
            return problem;
        }

        await tokens.RevokeOtherLoginsAsync(userId, keepTokenId, cancellationToken);
        SecurityLog.PasswordChanged(logger, userName);
        await events.InfoAsync(EventSource, $"{userName} changed their password.", cancellationToken);
        return null;
    }
}
