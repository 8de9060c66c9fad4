using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace OpenCpm.Data;

/// <summary>
/// The last failed write to the database (a full disk, a read-only file), until a later write succeeds: writes that
/// must not fail a request (a token's last-use time) report here, and <see cref="StorageHealthCheck"/> shows it.
/// </summary>
internal sealed class StorageFaults(TimeProvider time)
{
    private readonly Lock _lock = new();
    private string? _problem;

    /// <summary>What failed last and why, or null when the last write went through.</summary>
    public string? Problem
    {
        get
        {
            lock (_lock)
            {
                return _problem;
            }
        }
    }

    /// <summary>True for the exceptions a failing database write throws (so callers catch only those).</summary>
    public static bool IsStorageFailure(Exception exception) =>
        exception is DbUpdateException or SqliteException or IOException || exception.InnerException is SqliteException or IOException;

    public void Failed(string what, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var reason = (exception.InnerException ?? exception).Message;
        lock (_lock)
        {
            _problem = FormattableString.Invariant($"Writing {what} to the database failed at {time.GetUtcNow():yyyy-MM-dd HH:mm:ss} UTC: {reason}");
        }
    }

    public void Succeeded()
    {
        lock (_lock)
        {
            _problem = null;
        }
    }
}
