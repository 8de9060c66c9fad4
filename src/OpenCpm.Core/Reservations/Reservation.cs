namespace OpenCpm.Core.Reservations;

/// <summary>
/// A backend's ReserveNow (OCPP 1.6 §5.13): connector <paramref name="ConnectorId"/> (1…N) is held for
/// <paramref name="IdTag"/> (or a card whose parent is <paramref name="ParentIdTag"/>) until <paramref name="ExpiresAt"/>.
/// </summary>
public sealed record Reservation(int Id, int ConnectorId, string IdTag, string? ParentIdTag, DateTimeOffset ExpiresAt)
{
    /// <summary>Whether the reservation still holds at <paramref name="now"/>.</summary>
    public bool HoldsAt(DateTimeOffset now) => now < ExpiresAt;

    /// <summary>Whether a card <paramref name="idTag"/> (whose parent, when known, is <paramref name="parentIdTag"/>) may use the reserved connector.</summary>
    public bool Admits(string idTag, string? parentIdTag) =>
        string.Equals(idTag, IdTag, StringComparison.OrdinalIgnoreCase)
        || (ParentIdTag is not null && string.Equals(parentIdTag, ParentIdTag, StringComparison.OrdinalIgnoreCase));
}
