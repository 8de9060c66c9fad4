using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenCpm.Core.Sessions;

namespace OpenCpm.Data;

/// <summary>
/// Charging sessions in SQLite. Every change is saved before the method returns, so a session acknowledged to a
/// station or the backend survives a crash. Sessions older than <see cref="RetentionMonths"/> months are pruned.
/// </summary>
internal sealed class SessionStore(IDbContextFactory<OpenCpmDbContext> dbFactory, TimeProvider time)
{
    /// <summary>How long sessions are kept, in months (the manual shows the last 12 months).</summary>
    public const int RetentionMonths = 12;

    /// <summary>Opens a session at the charge point now. Refuses if the charge point already has an active one.</summary>
    public async Task<ChargingSession> StartAsync(string chargePoint, string? idTag, double meterStartWh, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chargePoint);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.ChargePoint == chargePoint && s.End == null, cancellationToken) is { } open)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Charge point \"{chargePoint}\" already has an active session ({open.Id}); end it first."));
        }

        var row = new SessionRow
        {
            ChargePoint = chargePoint,
            IdTag = string.IsNullOrEmpty(idTag) ? null : idTag,
            Start = time.GetUtcNow(),
            MeterStartWh = meterStartWh,
            MeterEndWh = meterStartWh,
        };
        db.Sessions.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row.ToSession();
    }

    /// <summary>Records the latest meter reading of an active session.</summary>
    public Task<ChargingSession> UpdateMeterAsync(long sessionId, double meterWh, CancellationToken cancellationToken) =>
        ChangeAsync(sessionId, s => s.WithMeterReading(meterWh), cancellationToken);

    /// <summary>Ends an active session now with its final meter reading.</summary>
    public Task<ChargingSession> EndAsync(long sessionId, double meterEndWh, StopReason reason, CancellationToken cancellationToken) =>
        ChangeAsync(sessionId, s => s.Ended(time.GetUtcNow(), meterEndWh, reason), cancellationToken);

    /// <summary>Ends an active session at a known past time (e.g. the end a station logged while the controller was down).</summary>
    public Task<ChargingSession> EndAtAsync(long sessionId, DateTimeOffset end, double meterEndWh, StopReason reason, CancellationToken cancellationToken) =>
        ChangeAsync(sessionId, s => s.Ended(end, meterEndWh, reason), cancellationToken);

    /// <summary>Records the card of an active session that was presented after the plug-in.</summary>
    public async Task<ChargingSession> SetIdTagAsync(long sessionId, string idTag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idTag);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Sessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken)
            ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Session {sessionId} does not exist."));
        if (row.End is not null)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Session {sessionId} at charge point \"{row.ChargePoint}\" has already ended, so it can't change its card."));
        }

        row.IdTag = idTag;
        await db.SaveChangesAsync(cancellationToken);
        return row.ToSession();
    }

    public async Task<ChargingSession?> ActiveForAsync(string chargePoint, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.ChargePoint == chargePoint && s.End == null, cancellationToken);
        return row?.ToSession();
    }

    /// <summary>All active sessions (at start-up the control loop reconciles them with what the stations report).</summary>
    public async Task<IReadOnlyList<ChargingSession>> ActiveAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Sessions.AsNoTracking().Where(s => s.End == null).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(r => r.ToSession())];
    }

    public async Task<ChargingSession?> GetAsync(long sessionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken))?.ToSession();
    }

    /// <summary>One page of matching sessions, newest first.</summary>
    public async Task<Page<ChargingSession>> QueryAsync(SessionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var matching = Filter(db.Sessions.AsNoTracking(), query);
        var total = await matching.CountAsync(cancellationToken);
        var rows = await matching.OrderByDescending(s => s.Start).ThenByDescending(s => s.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new Page<ChargingSession>([.. rows.Select(r => r.ToSession())], query.Page, query.PageSize, total);
    }

    /// <summary>All matching sessions (paging ignored), oldest first, for the CSV export.</summary>
    public async Task<IReadOnlyList<ChargingSession>> ListAsync(SessionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Filter(db.Sessions.AsNoTracking(), query).OrderBy(s => s.Start).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(r => r.ToSession())];
    }

    /// <summary>Deletes ended sessions that started more than <see cref="RetentionMonths"/> months ago; returns how many.</summary>
    /// <summary>The energy of all matching sessions as stored (an active one up to its last stored reading).</summary>
    public async Task<double> SumEnergyAsync(SessionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Filter(db.Sessions.AsNoTracking(), query)
            .Where(s => s.MeterEndWh != null && s.MeterEndWh > s.MeterStartWh)
            .SumAsync(s => s.MeterEndWh!.Value - s.MeterStartWh, cancellationToken);
    }

    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().AddMonths(-RetentionMonths);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Sessions.Where(s => s.Start < cutoff && s.End != null).ExecuteDeleteAsync(cancellationToken);
    }

    private static IQueryable<SessionRow> Filter(IQueryable<SessionRow> sessions, SessionQuery query)
    {
        if (query.From is { } from)
        {
            sessions = sessions.Where(s => s.Start >= from);
        }

        if (query.To is { } to)
        {
            sessions = sessions.Where(s => s.Start < to);
        }

        if (!string.IsNullOrEmpty(query.Card))
        {
            // IdTag has the NOCASE collation: card UIDs compare without regard to case.
            sessions = sessions.Where(s => s.IdTag == query.Card);
        }

        if (!string.IsNullOrEmpty(query.ChargePoint))
        {
            sessions = sessions.Where(s => s.ChargePoint == query.ChargePoint);
        }

        return sessions;
    }

    private async Task<ChargingSession> ChangeAsync(long sessionId, Func<ChargingSession, ChargingSession> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Sessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken)
            ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Session {sessionId} does not exist."));
        var changed = change(row.ToSession());
        row.CopyFrom(changed);
        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }
}
