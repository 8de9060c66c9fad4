using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace OpenCpm.Data;

/// <summary>
/// Brings the database up to date before anything else starts (before Kestrel accepts a request): creates the data
/// folder, copies an existing database aside before applying new migrations (an upgrade never loses data), and
/// applies them. The folder and its files are the owner's only (<see cref="OwnerOnly"/>).
/// </summary>
internal sealed class StorageInitializer(
    IDbContextFactory<OpenCpmDbContext> dbFactory,
    StorageOptions options,
    TimeProvider time,
    ILogger<StorageInitializer> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        OwnerOnly.EnsureFolder(options.DataDirectory);
        OwnerOnly.EnsureFolder(Path.Combine(options.DataDirectory, "keys"));
        OwnerOnly.EnsureFile(options.DatabasePath); // before SQLite creates it with the process's default mode
        await MigrateAsync(cancellationToken);
        OwnerOnly.Restrict(options.DataDirectory, StorageOptions.DatabaseFileName + "*"); // -wal, -shm, backups
        OwnerOnly.Restrict(Path.Combine(options.DataDirectory, "keys"), "*");
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        if (applied.Count > 0 && File.Exists(options.DatabasePath))
        {
            var backup = $"{options.DatabasePath}.{time.GetUtcNow():yyyyMMddHHmmss}.before-{pending[0]}.bak";
            await BackupAsync(options.DatabasePath, backup, cancellationToken);
            DataLog.BackedUp(logger, options.DatabasePath, backup);
        }

        DataLog.ApplyingMigrations(logger, options.DatabasePath, pending.Count, string.Join(", ", pending));
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A consistent copy through SQLite's online backup (safe even with a WAL file beside the database).</summary>
    private static async Task BackupAsync(string path, string backup, CancellationToken cancellationToken)
    {
        await using var source = new SqliteConnection($"Data Source={path};Pooling=False");
        await using var target = new SqliteConnection($"Data Source={backup};Pooling=False");
        await source.OpenAsync(cancellationToken);
        await target.OpenAsync(cancellationToken);
        source.BackupDatabase(target);
    }
}
