using Microsoft.EntityFrameworkCore;
using OpenCpm.Core.Sessions;

namespace OpenCpm.Data;

/// <summary>
/// OCPP transactions and the outbox of their messages in SQLite. A transaction's row and its message are written in
/// one database transaction, so a message is never lost and never written twice, whatever moment the process dies.
/// A write that has begun is finished even when the host stops meanwhile (the token is checked only before it begins):
/// a short local write, and what it records (a stop, an answer) must not be lost to a shutdown.
/// </summary>
internal sealed class OcppTransactionStore(IDbContextFactory<OpenCpmDbContext> dbFactory)
{
    /// <summary>Stores a new running transaction and its StartTransaction message; returns the row with its local id.</summary>
    public async Task<OcppTransactionRow> StartAsync(OcppTransactionRow transaction, Func<long, string> startPayload, DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(startPayload);
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
        db.OcppTransactions.Add(transaction);
        await db.SaveChangesAsync(CancellationToken.None);
        db.OcppOutbox.Add(new OcppOutboxRow { TransactionRowId = transaction.Id, Action = "StartTransaction", Payload = startPayload(transaction.Id), CreatedAt = now, NextAttemptAt = now });
        await db.SaveChangesAsync(CancellationToken.None);
        await tx.CommitAsync(CancellationToken.None);
        return transaction;
    }

    /// <summary>Ends a running transaction and queues its StopTransaction message (false when it had ended already).</summary>
    public async Task<bool> StopAsync(long transactionRowId, DateTimeOffset at, double meterStopWh, StopReason reason, string stopPayload, DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var row = await db.OcppTransactions.SingleOrDefaultAsync(t => t.Id == transactionRowId, CancellationToken.None);
        if (row is null || row.StoppedAt is not null)
        {
            return false;
        }

        row.StoppedAt = at;
        row.MeterStopWh = meterStopWh;
        row.StopReason = reason;
        db.OcppOutbox.Add(new OcppOutboxRow { TransactionRowId = transactionRowId, Action = "StopTransaction", Payload = stopPayload, CreatedAt = now, NextAttemptAt = now });
        await db.SaveChangesAsync(CancellationToken.None);
        await tx.CommitAsync(CancellationToken.None);
        return true;
    }

    /// <summary>Queues a transaction's MeterValues; <paramref name="alignedData"/> (a JSON MeterValue) is also kept for its StopTransaction.</summary>
    public async Task EnqueueMeterValuesAsync(long transactionRowId, string payload, string? alignedData, DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
        db.OcppOutbox.Add(new OcppOutboxRow { TransactionRowId = transactionRowId, Action = "MeterValues", Payload = payload, CreatedAt = now, NextAttemptAt = now });
        if (alignedData is not null && await db.OcppTransactions.SingleOrDefaultAsync(t => t.Id == transactionRowId, CancellationToken.None) is { } row)
        {
            row.AlignedData = row.AlignedData is { Length: > 2 } existing ? existing[..^1] + "," + alignedData + "]" : "[" + alignedData + "]";
        }

        await db.SaveChangesAsync(CancellationToken.None);
        await tx.CommitAsync(CancellationToken.None);
    }

    public async Task<IReadOnlyList<OcppTransactionRow>> RunningAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.OcppTransactions.AsNoTracking().Where(t => t.StoppedAt == null).OrderBy(t => t.Id).ToListAsync(cancellationToken);
    }

    public async Task<OcppTransactionRow?> GetAsync(long transactionRowId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.OcppTransactions.AsNoTracking().SingleOrDefaultAsync(t => t.Id == transactionRowId, cancellationToken);
    }

    /// <summary>The oldest waiting message and its transaction; null when the outbox is empty.</summary>
    public async Task<(OcppOutboxRow Message, OcppTransactionRow Transaction)?> HeadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var head = await db.OcppOutbox.AsNoTracking().OrderBy(o => o.Id).FirstOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            return null;
        }

        var transaction = await db.OcppTransactions.AsNoTracking().SingleAsync(t => t.Id == head.TransactionRowId, cancellationToken);
        return (head, transaction);
    }

    /// <summary>The message was processed: it leaves the outbox, and the transaction takes what the answer said, together.</summary>
    public async Task CompleteAsync(long messageId, long transactionRowId, Action<OcppTransactionRow>? update, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
        await db.OcppOutbox.Where(o => o.Id == messageId).ExecuteDeleteAsync(CancellationToken.None);
        if (update is not null && await db.OcppTransactions.SingleOrDefaultAsync(t => t.Id == transactionRowId, CancellationToken.None) is { } row)
        {
            update(row);
            await db.SaveChangesAsync(CancellationToken.None);
        }

        await tx.CommitAsync(CancellationToken.None);
    }

    /// <summary>The message failed to process: counted, and not sent again before <paramref name="nextAttemptAt"/>.</summary>
    public async Task FailedAsync(long messageId, int attempts, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await db.OcppOutbox.Where(o => o.Id == messageId)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.Attempts, attempts).SetProperty(o => o.NextAttemptAt, nextAttemptAt), CancellationToken.None);
    }

    /// <summary>What waits, oldest first, with the transaction each message belongs to.</summary>
    public async Task<IReadOnlyList<(OcppOutboxRow Message, OcppTransactionRow Transaction)>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var messages = await db.OcppOutbox.AsNoTracking().OrderBy(o => o.Id).Take(limit).ToListAsync(cancellationToken);
        var ids = messages.Select(m => m.TransactionRowId).Distinct().ToList();
        var transactions = await db.OcppTransactions.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        return [.. messages.Select(m => (m, transactions[m.TransactionRowId]))];
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.OcppOutbox.CountAsync(cancellationToken);
    }
}
