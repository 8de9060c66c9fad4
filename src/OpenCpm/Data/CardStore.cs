using Microsoft.EntityFrameworkCore;
using OpenCpm.Core.Authorization;

namespace OpenCpm.Data;

/// <summary>The local card list in SQLite. Only <see cref="Authorization.CardService"/> calls it (it validates and serializes the writes).</summary>
internal sealed class CardStore(IDbContextFactory<OpenCpmDbContext> dbFactory)
{
    public async Task<CardList> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Cards.AsNoTracking().OrderBy(c => c.Position).ToListAsync(cancellationToken);
        var version = (await db.CardLists.AsNoTracking().SingleOrDefaultAsync(cancellationToken))?.Version ?? 0;
        var cards = rows.Select(r => new Card
        {
            Uid = CardUid.Parse(r.Uid),
            Name = r.Name,
            Expiry = r.Expiry,
            IsMasterCard = r.IsMasterCard,
            Status = r.Status,
            ChargePoints = r.ChargePoints.Length == 0 ? [] : r.ChargePoints.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        });
        return CardList.Create(cards, version).Value;
    }

    /// <summary>Replaces the stored list with <paramref name="cards"/> in one transaction.</summary>
    public async Task SaveAsync(CardList cards, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cards);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Cards.ExecuteDeleteAsync(cancellationToken);
        db.Cards.AddRange(cards.Cards.Select((c, i) => new CardRow
        {
            Uid = c.Uid.Value,
            Position = i,
            Name = c.Name,
            Expiry = c.Expiry,
            IsMasterCard = c.IsMasterCard,
            Status = c.Status,
            ChargePoints = string.Join(' ', c.ChargePoints),
        }));
        var list = await db.CardLists.SingleOrDefaultAsync(cancellationToken);
        if (list is null)
        {
            list = new CardListRow();
            db.CardLists.Add(list);
        }

        list.Version = cards.Version;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
