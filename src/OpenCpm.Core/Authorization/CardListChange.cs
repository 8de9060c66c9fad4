namespace OpenCpm.Core.Authorization;

/// <summary>
/// One entry of a differential update (OCPP SendLocalList, updateType Differential): a card to add or replace, or,
/// without a card, the idTag to remove (an entry without idTagInfo).
/// </summary>
public sealed record CardListChange
{
    private CardListChange(CardUid uid, Card? card)
    {
        Uid = uid;
        Card = card;
    }

    public CardUid Uid { get; }

    /// <summary>The card to add or replace; null to remove <see cref="Uid"/>.</summary>
    public Card? Card { get; }

    public static CardListChange Upsert(Card card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new(card.Uid, card);
    }

    public static CardListChange Remove(CardUid uid)
    {
        ArgumentNullException.ThrowIfNull(uid);
        return new(uid, null);
    }
}
