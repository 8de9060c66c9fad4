using OpenCpm.Core.Authorization;

namespace OpenCpm.Data;

/// <summary>One card of the local card list.</summary>
internal sealed class CardRow
{
    /// <summary>The normalized UID (<see cref="CardUid.Value"/>).</summary>
    public required string Uid { get; set; }

    public int Position { get; set; }

    public string Name { get; set; } = "";

    public DateOnly? Expiry { get; set; }

    public bool IsMasterCard { get; set; }

    public CardStatus Status { get; set; }

    /// <summary>The charge points (ids or serials) the card may charge at, space-separated; empty = all.</summary>
    public string ChargePoints { get; set; } = "";
}
