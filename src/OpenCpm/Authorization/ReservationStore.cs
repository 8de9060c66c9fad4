using Microsoft.EntityFrameworkCore;
using OpenCpm.Core.Reservations;
using OpenCpm.Data;

namespace OpenCpm.Authorization;

/// <summary>
/// The reservations in force in SQLite, so a restart keeps them. Only <see cref="ChargePointReservations"/> calls it
/// (it serializes the writes); a book holds a handful of rows, so each change rewrites them all in one transaction.
/// </summary>
internal sealed class ReservationStore(IDbContextFactory<OpenCpmDbContext> dbFactory)
{
    public async Task<IReadOnlyList<Reservation>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Reservations.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Reservation(r.Id, r.ConnectorId, r.IdTag, r.ParentIdTag, r.ExpiresAt))];
    }

    public async Task SaveAsync(ReservationBook book, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(book);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Reservations.ExecuteDeleteAsync(cancellationToken);
        db.Reservations.AddRange(book.All.Select(r => new ReservationRow
        {
            Id = r.Id,
            ConnectorId = r.ConnectorId,
            IdTag = r.IdTag,
            ParentIdTag = r.ParentIdTag,
            ExpiresAt = r.ExpiresAt,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
