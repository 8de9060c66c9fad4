using OpenCpm.Security;

namespace OpenCpm.Maintenance;

/// <summary>
/// What became of a factory reset asked for by a user: done (the new first-login password of <c>admin</c>), or refused
/// because it was not confirmed or the caller's password was not (wrong, or locked out after wrong ones).
/// </summary>
internal sealed record FactoryResetOutcome(string? NewAdminPassword, bool NotConfirmed, PasswordConfirmation Password)
{
    public const string NotConfirmedProblem = "A factory reset erases every session, card, user, setting and log: send \"confirm\": true to go ahead.";

    public bool Done => NewAdminPassword is not null;
}
