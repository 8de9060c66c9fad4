namespace OpenCpm.Data;

/// <summary>Log messages of the storage layer (event ids 1000–1099).</summary>
internal static partial class DataLog
{
    [LoggerMessage(1000, LogLevel.Information, "Database {Path}: applying {Count} migration(s): {Migrations}")]
    public static partial void ApplyingMigrations(ILogger logger, string path, int count, string migrations);

    [LoggerMessage(1001, LogLevel.Information, "Database {Path} backed up to {Backup} before migrating")]
    public static partial void BackedUp(ILogger logger, string path, string backup);

    [LoggerMessage(1002, LogLevel.Information, "Pruned {Sessions} session(s) and {Events} event(s) older than 12 months")]
    public static partial void Pruned(ILogger logger, int sessions, int events);

    [LoggerMessage(1003, LogLevel.Error, "Pruning old sessions and events failed")]
    public static partial void PruneFailed(ILogger logger, Exception exception);
}
