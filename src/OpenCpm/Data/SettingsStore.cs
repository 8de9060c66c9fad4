using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenCpm.Settings;

namespace OpenCpm.Data;

/// <summary>
/// The operator's settings in SQLite: the site row, clusters and charge points, and the settings documents (JSON
/// under a key). Only <see cref="SettingsService"/> calls it: it validates, and it serializes the writes.
/// </summary>
internal sealed class SettingsStore(IDbContextFactory<OpenCpmDbContext> dbFactory, TimeProvider time)
{
    public async Task<SettingsSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var site = await db.Site.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var clusters = await db.Clusters.AsNoTracking().OrderBy(c => c.Position).ToListAsync(cancellationToken);
        var chargePoints = await db.ChargePoints.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var documents = await db.Documents.AsNoTracking().ToDictionaryAsync(d => d.Key, d => d.Json, StringComparer.Ordinal, cancellationToken);
        var configuration = new SiteConfiguration(SiteMapping.ToSettings(site, clusters, []), [.. chargePoints.Select(SiteMapping.ToInstallation)]);
        return new SettingsSnapshot(configuration, documents.ToImmutableDictionary(StringComparer.Ordinal));
    }

    /// <summary>Replaces the stored network with <paramref name="configuration"/> in one transaction (rows no longer in it are deleted).</summary>
    public async Task SaveSiteAsync(SiteConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await CopySiteAsync(db, configuration, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Saves several areas in one transaction: the network (unless null), documents as JSON by key, and removes the
    /// documents named in <paramref name="removed"/> (they fall back to their defaults).
    /// </summary>
    public async Task SaveManyAsync(
        SiteConfiguration? configuration, IReadOnlyDictionary<string, string> documents, IReadOnlyCollection<string> removed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(removed);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (configuration is not null)
        {
            await CopySiteAsync(db, configuration, cancellationToken);
        }

        var rows = await db.Documents.ToDictionaryAsync(d => d.Key, StringComparer.Ordinal, cancellationToken);
        foreach (var key in removed)
        {
            if (rows.TryGetValue(key, out var row))
            {
                db.Documents.Remove(row);
            }
        }

        foreach (var (key, json) in documents)
        {
            if (!rows.TryGetValue(key, out var row))
            {
                row = new SettingsDocumentRow { Key = key, Json = "" };
                db.Documents.Add(row);
            }

            row.Json = json;
            row.UpdatedAt = time.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task CopySiteAsync(OpenCpmDbContext db, SiteConfiguration configuration, CancellationToken cancellationToken)
    {
        var site = await db.Site.FindAsync([SiteSettingsRow.SingletonId], cancellationToken);
        if (site is null)
        {
            site = new SiteSettingsRow();
            db.Site.Add(site);
        }

        SiteMapping.CopyTo(configuration.Site, site);
        db.Clusters.RemoveRange(await db.Clusters.ToListAsync(cancellationToken));
        db.Clusters.AddRange(configuration.Site.Clusters.Select(SiteMapping.ToRow));

        var rows = await db.ChargePoints.ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, cancellationToken);
        for (var i = 0; i < configuration.ChargePoints.Count; i++)
        {
            var installation = configuration.ChargePoints[i];
            if (!rows.Remove(installation.Id, out var row))
            {
                row = new ChargePointRow { Id = installation.Id };
                db.ChargePoints.Add(row);
            }

            row.Position = i;
            SiteMapping.CopyTo(installation, row);
        }

        db.ChargePoints.RemoveRange(rows.Values);
    }

    public async Task SaveDocumentAsync<T>(T document, CancellationToken cancellationToken)
        where T : class, ISettingsDocument<T>
    {
        ArgumentNullException.ThrowIfNull(document);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = T.Key;
        var row = await db.Documents.SingleOrDefaultAsync(d => d.Key == key, cancellationToken);
        if (row is null)
        {
            row = new SettingsDocumentRow { Key = key, Json = "" };
            db.Documents.Add(row);
        }

        row.Json = JsonSerializer.Serialize(document, SettingsJson.Options);
        row.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }
}
