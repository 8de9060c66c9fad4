using OpenCpm.Core.Authorization;

namespace OpenCpm.Api;

/// <summary>A card of the local list (interfaces.md, "card"): <c>expiry</c> as an ISO date, <c>chargePoints</c> empty = all.</summary>
internal sealed record CardDto
{
    public string? Uid { get; init; }

    public string Name { get; init; } = "";

    public DateOnly? Expiry { get; init; }

    public bool IsMasterCard { get; init; }

    public CardStatus Status { get; init; } = CardStatus.Accepted;

    public IReadOnlyList<string> ChargePoints { get; init; } = [];

    public static CardDto From(Card card) => new()
    {
        Uid = card.Uid.Value,
        Name = card.Name,
        Expiry = card.Expiry,
        IsMasterCard = card.IsMasterCard,
        Status = card.Status,
        ChargePoints = card.ChargePoints,
    };

    /// <summary>The card, or a sentence naming the field that is wrong.</summary>
    public (Card? Card, string? Problem) ToCard(string? uidFromPath = null)
    {
        var uidText = uidFromPath ?? Uid;
        if (uidFromPath is not null && Uid is not null && !CardUid.TryParse(Uid, out _))
        {
            return (null, "Field 'uid' is not a valid card UID.");
        }

        if (!CardUid.TryParse(uidText, out var uid, out var problem))
        {
            return (null, $"Field 'uid': the card UID {problem}.");
        }

        if (uidFromPath is not null && Uid is { } bodyUid && CardUid.TryParse(bodyUid, out var inBody) && !inBody.Matches(uid))
        {
            return (null, $"Field 'uid': the body's \"{bodyUid}\" differs from the path's \"{uidFromPath}\".");
        }

        if (!Enum.IsDefined(Status))
        {
            return (null, "Field 'status' must be Accepted, Blocked, Expired or Invalid.");
        }

        return (new Card { Uid = uid, Name = Name ?? "", Expiry = Expiry, IsMasterCard = IsMasterCard, Status = Status, ChargePoints = ChargePoints ?? [] }, null);
    }
}
