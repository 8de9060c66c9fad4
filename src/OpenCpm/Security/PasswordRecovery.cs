using OpenCpm.Data;
using OpenCpm.Maintenance;

namespace OpenCpm.Security;

/// <summary>
/// A forgotten admin password reset with the recovery key (manual 8.2.1), for POST /api/v1/auth/recover and
/// `opencpm admin recover`: throttled on its own (<see cref="RecoveryThrottle"/>), so it works while logins are locked
/// out, and it lifts that lockout; every login of admin ends. The new password is the one given, or a first-login
/// password that must be changed, returned.
/// </summary>
internal sealed class PasswordRecovery(
    RecoveryKeys keys, RecoveryThrottle throttle, UserAccounts users, LoginThrottle logins, EventLog events, ILogger<PasswordRecovery> logger)
{
    public async Task<RecoveryResult> RecoverAsync(string recoveryKey, string? newPassword, string address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recoveryKey);
        var wait = throttle.RetryAfter(address);
        if (wait > TimeSpan.Zero)
        {
            return new RecoveryResult(RecoveryOutcome.Throttled, FormattableString.Invariant(
                $"Too many wrong recovery keys: try again in {Math.Ceiling(wait.TotalSeconds):0} s."), RetryAfter: wait);
        }

        if (newPassword is not null && PasswordPolicy.Check(newPassword) is { } problem)
        {
            return new RecoveryResult(RecoveryOutcome.BadPassword, problem);
        }

        if (!keys.Verify(recoveryKey))
        {
            throttle.RecordFailure(address);
            MaintenanceLog.RecoveryFailed(logger, address);
            await events.WarningAsync(AuditSource, $"A wrong recovery key was given (from {address}).", cancellationToken);
            return new RecoveryResult(RecoveryOutcome.WrongKey, "The recovery key is wrong.");
        }

        var (_, generated) = await users.ResetPasswordAsync(UserAccounts.AdminName, newPassword, cancellationToken);
        logins.RecordSuccess(UserAccounts.AdminName, address);
        logins.ForgetAddress(address);
        MaintenanceLog.Recovered(logger, address);
        await events.WarningAsync(AuditSource, $"The admin password was reset with the recovery key (from {address}); every login of admin ended.", cancellationToken);
        return new RecoveryResult(RecoveryOutcome.Done, null, generated);
    }

    private const string AuditSource = "security";
}
