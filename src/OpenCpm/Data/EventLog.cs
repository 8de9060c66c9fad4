using Microsoft.EntityFrameworkCore;

namespace OpenCpm.Data;

/// <summary>
/// The operator's event log in SQLite (what happened on the site: stations appearing, faults, backend connection,
/// settings changes). Not the technical log: never write secrets here either.
/// </summary>
internal sealed class EventLog(IDbContextFactory<OpenCpmDbContext> dbFactory, TimeProvider time)
{
    public const int MaxMessageLength = 1000;

    public const int RetentionMonths = 12;

    public async Task WriteAsync(EventSeverity level, string source, string message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentNullException.ThrowIfNull(message);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Events.Add(new EventRow
        {
            Time = time.GetUtcNow(),
            Level = level,
            Source = source.Length > 64 ? source[..64] : source,
            Message = Security.LogText.Escape(message, MaxMessageLength - 1), // a value from outside never forges a line
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task InfoAsync(string source, string message, CancellationToken cancellationToken) =>
        WriteAsync(EventSeverity.Info, source, message, cancellationToken);

    public Task WarningAsync(string source, string message, CancellationToken cancellationToken) =>
        WriteAsync(EventSeverity.Warning, source, message, cancellationToken);

    public Task ErrorAsync(string source, string message, CancellationToken cancellationToken) =>
        WriteAsync(EventSeverity.Error, source, message, cancellationToken);

    /// <summary>One page of matching entries, newest first.</summary>
    public async Task<Page<EventEntry>> QueryAsync(EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        IQueryable<EventRow> events = db.Events.AsNoTracking();
        if (query.From is { } from)
        {
            events = events.Where(e => e.Time >= from);
        }

        if (query.To is { } to)
        {
            events = events.Where(e => e.Time < to);
        }

        if (query.MinLevel is { } level)
        {
            var levels = Enum.GetValues<EventSeverity>().Where(l => l >= level).ToList();
            events = events.Where(e => levels.Contains(e.Level));
        }

        if (!string.IsNullOrEmpty(query.Source))
        {
            events = events.Where(e => e.Source == query.Source);
        }

        var total = await events.CountAsync(cancellationToken);
        var rows = await events.OrderByDescending(e => e.Time).ThenByDescending(e => e.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new Page<EventEntry>([.. rows.Select(r => new EventEntry(r.Id, r.Time, r.Level, r.Source, r.Message))], query.Page, query.PageSize, total);
    }

    /// <summary>Every entry, oldest first (the log archive).</summary>
    public IAsyncEnumerable<EventEntry> ReadAllAsync(CancellationToken cancellationToken) => ReadAllAsync(null, null, null, cancellationToken);

    /// <summary>Every entry in [<paramref name="from"/>, <paramref name="to"/>) of <paramref name="source"/> (each null: any), oldest first.</summary>
    public async IAsyncEnumerable<EventEntry> ReadAllAsync(
        DateTimeOffset? from, DateTimeOffset? to, string? source, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        IQueryable<EventRow> events = db.Events.AsNoTracking();
        if (from is { } start)
        {
            events = events.Where(e => e.Time >= start);
        }

        if (to is { } end)
        {
            events = events.Where(e => e.Time < end);
        }

        if (source is not null)
        {
            events = events.Where(e => e.Source == source);
        }

        await foreach (var r in events.OrderBy(e => e.Time).ThenBy(e => e.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return new EventEntry(r.Id, r.Time, r.Level, r.Source, r.Message);
        }
    }

    /// <summary>Deletes every entry (manual 8.1.6, Device: delete the event log); returns how many.</summary>
    public async Task<int> ClearAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Events.ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Deletes every entry for <paramref name="actor"/>, then records who did (one entry of <paramref name="source"/>); returns how many went.</summary>
    public async Task<int> ClearByAsync(string actor, string source, CancellationToken cancellationToken)
    {
        var count = await ClearAsync(cancellationToken);
        await InfoAsync(source, FormattableString.Invariant($"{actor} cleared the event log ({count} entries)."), cancellationToken);
        return count;
    }

    /// <summary>Deletes entries older than <see cref="RetentionMonths"/> months; returns how many.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().AddMonths(-RetentionMonths);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Events.Where(e => e.Time < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
