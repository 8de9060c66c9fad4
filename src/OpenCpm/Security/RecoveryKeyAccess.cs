using System.Security.Claims;
using OpenCpm.Data;

namespace OpenCpm.Security;

/// <summary>
/// The recovery key in User Settings (manual 8.2.1): shown — where the data folder keeps it — or drawn anew, each only
/// with the user's password (checked like a login). A new key is shown once and ends the old one; the event log says
/// who drew it.
/// </summary>
internal sealed class RecoveryKeyAccess(RecoveryKeys keys, LoginService logins, EventLog events, ILogger<RecoveryKeyAccess> logger)
{
    /// <summary>The stored key (null in <see cref="RecoveryKeyResult.Key"/> when only its hash is kept) once the password is confirmed.</summary>
    public async Task<RecoveryKeyResult> ShowAsync(ClaimsPrincipal user, string? password, string clientAddress, CancellationToken cancellationToken)
    {
        var confirmation = await logins.ConfirmPasswordAsync(user, password, clientAddress, cancellationToken);
        return new RecoveryKeyResult(confirmation, confirmation.Confirmed ? keys.StoredKey() : null);
    }

    public async Task<RecoveryKeyResult> RenewAsync(ClaimsPrincipal user, string? password, string clientAddress, CancellationToken cancellationToken)
    {
        var confirmation = await logins.ConfirmPasswordAsync(user, password, clientAddress, cancellationToken);
        if (!confirmation.Confirmed)
        {
            return new RecoveryKeyResult(confirmation, null);
        }

        var key = keys.Renew();
        var name = LogText.Escape(user.UserName());
        SecurityLog.RecoveryKeyRenewed(logger, name);
        await events.WarningAsync(LoginService.EventSource, $"{name} drew a new recovery key; the previous one no longer works.", cancellationToken);
        return new RecoveryKeyResult(confirmation, key);
    }
}
