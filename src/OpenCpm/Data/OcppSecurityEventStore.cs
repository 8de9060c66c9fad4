using Microsoft.EntityFrameworkCore;

namespace OpenCpm.Data;

/// <summary>
/// The security events waiting for the backend (table OcppSecurityEvents), oldest first; at most
/// <see cref="MaxQueued"/> (beyond that the oldest is dropped, so a backend that never answers can't fill the disk).
/// </summary>
internal sealed class OcppSecurityEventStore(IDbContextFactory<OpenCpmDbContext> databases)
{
    public const int MaxQueued = 1000;

    public async Task AddAsync(OcppSecurityEventRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.OcppSecurityEvents.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        var excess = await db.OcppSecurityEvents.CountAsync(cancellationToken) - MaxQueued;
        if (excess > 0)
        {
            var oldest = await db.OcppSecurityEvents.OrderBy(e => e.Id).Take(excess).Select(e => e.Id).ToListAsync(cancellationToken);
            await db.OcppSecurityEvents.Where(e => oldest.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
        }
    }

    public async Task<OcppSecurityEventRow?> HeadAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.OcppSecurityEvents.AsNoTracking().OrderBy(e => e.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.OcppSecurityEvents.CountAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<OcppSecurityEventRow>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.OcppSecurityEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync(cancellationToken);
    }

    public async Task RemoveAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.OcppSecurityEvents.Where(e => e.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task RetryLaterAsync(long id, int attempts, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.OcppSecurityEvents.Where(e => e.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Attempts, attempts).SetProperty(e => e.NextAttemptAt, nextAttemptAt), cancellationToken);
    }
}
