namespace OpenCpm.Security;

/// <summary>
/// Log messages of the security layer (event ids 1100–1199). Never passwords or tokens; user names, token names and
/// addresses only through <see cref="LogText.Escape"/>.
/// </summary>
internal static partial class SecurityLog
{
    [LoggerMessage(1100, LogLevel.Warning, "No user existed: created user {User} with a generated password that must be changed at first login")]
    public static partial void AdminCreatedWithGeneratedPassword(ILogger logger, string user);

    [LoggerMessage(1102, LogLevel.Warning, "Failed login for user {User} from {Address}")]
    public static partial void LoginFailed(ILogger logger, string user, string address);

    [LoggerMessage(1103, LogLevel.Warning, "Login for user {User} from {Address} refused: locked out for {Seconds} s after repeated failures")]
    public static partial void LoginLockedOut(ILogger logger, string user, string address, int seconds);

    [LoggerMessage(1104, LogLevel.Information, "User {User} logged in from {Address}")]
    public static partial void LoggedIn(ILogger logger, string user, string address);

    [LoggerMessage(1105, LogLevel.Information, "User {User} changed their password")]
    public static partial void PasswordChanged(ILogger logger, string user);

    [LoggerMessage(1106, LogLevel.Information, "User {User} created API token {TokenId} ({Name})")]
    public static partial void ApiTokenCreated(ILogger logger, string user, long tokenId, string name);

    [LoggerMessage(1107, LogLevel.Information, "User {User} revoked API token {TokenId}")]
    public static partial void ApiTokenRevoked(ILogger logger, string user, long tokenId);

    [LoggerMessage(1108, LogLevel.Information, "User {User} logged out (token {TokenId} revoked)")]
    public static partial void LoggedOut(ILogger logger, string user, long tokenId);

    [LoggerMessage(1109, LogLevel.Warning, "Password change for user {User} from {Address} refused: the current password is wrong")]
    public static partial void PasswordChangeFailed(ILogger logger, string user, string address);

    [LoggerMessage(1110, LogLevel.Warning, "The last-use time of token {TokenId} could not be written (the call goes on): {Reason}")]
    public static partial void LastUseNotWritten(ILogger logger, long tokenId, string reason);

    [LoggerMessage(1111, LogLevel.Warning, "User {User} from {Address} gave a wrong password to confirm an action")]
    public static partial void PasswordConfirmationFailed(ILogger logger, string user, string address);

    [LoggerMessage(1112, LogLevel.Warning, "User {User} drew a new recovery key; the previous one no longer works")]
    public static partial void RecoveryKeyRenewed(ILogger logger, string user);
}
