namespace OpenCpm.Settings;

/// <summary>Log messages of the settings service (event ids 5200–5219).</summary>
internal static partial class SettingsLog
{
    [LoggerMessage(5200, LogLevel.Warning, "A settings change was saved but its line in the event log could not be written")]
    public static partial void AuditFailed(ILogger logger, Exception exception);
}
