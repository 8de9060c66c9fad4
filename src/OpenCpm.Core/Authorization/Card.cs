namespace OpenCpm.Core.Authorization;

/// <summary>
/// One RFID card of the card list (manual 9.2.2): name, UID, expiry date, master card, status and the charge points it
/// may charge at. Equality compares every field, the charge points in order.
/// </summary>
public sealed record Card
{
    public required CardUid Uid { get; init; }

    /// <summary>The operator's name for the card; may be empty (cards sent by a backend have none).</summary>
    public string Name { get; init; } = "";

    /// <summary>
    /// The last day the card is valid, or null for no expiry. The card is valid through the whole of that day in the
    /// site's local time and expired from midnight at its end (see <see cref="IsExpiredAt"/>).
    /// </summary>
    public DateOnly? Expiry { get; init; }

    /// <summary>At most one card of a list is the master card; it may stop any session (see AuthorizationPolicy.DecideStop).</summary>
    public bool IsMasterCard { get; init; }

    public CardStatus Status { get; init; } = CardStatus.Accepted;

    /// <summary>Ids or serial numbers of the charge points the card may charge at (compared ignoring case); empty = all.</summary>
    public IReadOnlyList<string> ChargePoints { get; init; } = [];

    /// <summary>
    /// Whether the expiry date has passed at <paramref name="localNow"/>, which must be the site's local time (the host
    /// passes <c>TimeProvider.GetLocalNow()</c>): a card with expiry D is still valid at D 23:59:59.9999999 and expired
    /// at D+1 00:00:00 of <paramref name="localNow"/>'s own offset.
    /// </summary>
    public bool IsExpiredAt(DateTimeOffset localNow) => Expiry is { } last && DateOnly.FromDateTime(localNow.DateTime) > last;

    /// <summary>Whether the card may charge at <paramref name="chargePoint"/> (by its id or its serial).</summary>
    public bool AllowsChargePoint(ChargePointIdentity chargePoint)
    {
        ArgumentNullException.ThrowIfNull(chargePoint);
        return ChargePoints.Count == 0 || ChargePoints.Any(cp =>
            string.Equals(cp, chargePoint.Id, StringComparison.OrdinalIgnoreCase)
            || (chargePoint.Serial is { } serial && string.Equals(cp, serial, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>"card 04A1B2C3 (Alice)", or "card 04A1B2C3" without a name: how errors and the event log name a card.</summary>
    public string Describe() => Name.Length == 0 ? $"card {Uid}" : $"card {Uid} ({Name})";

    public bool Equals(Card? other) =>
        other is not null
        && Uid == other.Uid
        && Name == other.Name
        && Expiry == other.Expiry
        && IsMasterCard == other.IsMasterCard
        && Status == other.Status
        && ChargePoints.SequenceEqual(other.ChargePoints, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Uid, Name, Expiry, IsMasterCard, Status, ChargePoints.Count);
}
