using Microsoft.EntityFrameworkCore;
using OpenCpm.Core.Authorization;

namespace OpenCpm.Data;

/// <summary>The OCPP authorization cache in SQLite (kept across restarts, as OCPP 1.6 §3.5.2 advises).</summary>
internal sealed class OcppAuthorizationCacheStore(IDbContextFactory<OpenCpmDbContext> dbFactory)
{
    public async Task<IReadOnlyList<AuthorizationCacheEntry>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.OcppAuthorizationCache.AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.Where(r => CardUid.TryParse(r.IdTag, out _)).Select(r => new AuthorizationCacheEntry(
            CardUid.Parse(r.IdTag),
            new IdTagInfo(r.Status, r.ExpiryDate, CardUid.TryParse(r.ParentIdTag, out var parent) ? parent : null),
            r.StoredAt))];
    }

    /// <summary>Makes the stored cache exactly <paramref name="cache"/> (it holds at most 1,000 entries).</summary>
    public async Task SaveAsync(AuthorizationCache cache, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cache);
        cancellationToken.ThrowIfCancellationRequested(); // once begun, the write finishes (no half-cancelled transaction at shutdown)
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        await db.OcppAuthorizationCache.ExecuteDeleteAsync(CancellationToken.None);
        db.OcppAuthorizationCache.AddRange(cache.Entries.Select(e => new OcppAuthorizationCacheRow
        {
            IdTag = e.Uid.Value,
            Status = e.Info.Status,
            ExpiryDate = e.Info.ExpiryDate,
            ParentIdTag = e.Info.ParentIdTag?.Value,
            StoredAt = e.StoredAt,
        }));
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }
}
