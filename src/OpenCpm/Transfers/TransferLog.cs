namespace OpenCpm.Transfers;

/// <summary>
/// Log messages of the backend's file transfers (event ids 8600–8699): firmware updates, diagnostics and log uploads.
/// URLs are shown without their user:password part.
/// </summary>
internal static partial class TransferLog
{
    [LoggerMessage(8600, LogLevel.Information, "OCPP {What}: {Step}")]
    public static partial void Step(ILogger logger, string what, string step);

    [LoggerMessage(8601, LogLevel.Warning, "OCPP {What}: attempt {Attempt} of {Attempts} failed: {Reason}")]
    public static partial void AttemptFailed(ILogger logger, string what, int attempt, int attempts, string reason);

    [LoggerMessage(8602, LogLevel.Warning, "OCPP {What} failed: {Reason}")]
    public static partial void Failed(ILogger logger, string what, string reason);

    [LoggerMessage(8603, LogLevel.Warning, "OCPP: {Action} ({Status}) could not be sent: {Reason}")]
    public static partial void NotSent(ILogger logger, string action, string status, string reason);

    [LoggerMessage(8604, LogLevel.Warning, "OCPP {What}: a step failed")]
    public static partial void StepFailed(ILogger logger, string what, Exception exception);
}
