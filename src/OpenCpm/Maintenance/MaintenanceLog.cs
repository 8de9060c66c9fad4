namespace OpenCpm.Maintenance;

/// <summary>
/// Log messages of provisioning and maintenance (event ids 7000–7099): restarts, log level, factory reset, USB folder,
/// software updates, display texts, recovery key. Never a password, key or token.
/// </summary>
internal static partial class MaintenanceLog
{
    [LoggerMessage(7000, LogLevel.Warning, "Restart of the controller requested: {Reason}; stopping with exit code {ExitCode} for the supervisor to start it again")]
    public static partial void RestartRequested(ILogger logger, string reason, int exitCode);

    [LoggerMessage(7001, LogLevel.Information, "Host log level raised to Debug for {Minutes} min (until {Until:u})")]
    public static partial void DebugLoggingOn(ILogger logger, double minutes, DateTimeOffset until);

    [LoggerMessage(7002, LogLevel.Information, "Host log level back to {Level}")]
    public static partial void DebugLoggingOff(ILogger logger, string level);

    [LoggerMessage(7003, LogLevel.Warning, "Factory reset by {User}: sessions, cards, users, tokens, settings, certificates and logs erased")]
    public static partial void FactoryReset(ILogger logger, string user);

    [LoggerMessage(7004, LogLevel.Warning, "A file of the factory reset could not be deleted: {Path}")]
    public static partial void ResetFileKept(ILogger logger, string path, Exception exception);

    [LoggerMessage(7010, LogLevel.Information, "USB folder {Folder}: {What}")]
    public static partial void Usb(ILogger logger, string folder, string what);

    [LoggerMessage(7011, LogLevel.Warning, "USB folder {Folder} could not be read")]
    public static partial void UsbFailed(ILogger logger, string folder, Exception exception);

    [LoggerMessage(7020, LogLevel.Information, "Software update: {What}")]
    public static partial void Update(ILogger logger, string what);

    [LoggerMessage(7021, LogLevel.Warning, "Software update refused or rolled back: {Reason}")]
    public static partial void UpdateFailed(ILogger logger, string reason);

    [LoggerMessage(7030, LogLevel.Debug, "Display of {ChargePoint}: {Event} not shown: {Reason}")]
    public static partial void DisplayNotShown(ILogger logger, string chargePoint, string @event, string reason);

    [LoggerMessage(7040, LogLevel.Warning, "Recovery with the recovery key failed from {Address}")]
    public static partial void RecoveryFailed(ILogger logger, string address);

    [LoggerMessage(7041, LogLevel.Warning, "The admin password was reset with the recovery key (from {Address})")]
    public static partial void Recovered(ILogger logger, string address);

    [LoggerMessage(7050, LogLevel.Warning, "The controller started after an unclean stop (power failure?): every station is held at 0 A until an operator enables it")]
    public static partial void HeldAfterPowerFailure(ILogger logger);
}
