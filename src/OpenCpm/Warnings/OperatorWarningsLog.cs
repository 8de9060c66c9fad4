namespace OpenCpm.Warnings;

/// <summary>Log messages of the operator warnings (event ids 5400–5409).</summary>
internal static partial class OperatorWarningsLog
{
    [LoggerMessage(5400, LogLevel.Warning, "An operator warning could not be written to the event log: {Entry}")]
    public static partial void WriteFailed(ILogger logger, string entry, Exception exception);
}
