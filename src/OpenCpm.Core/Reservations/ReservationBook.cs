using System.Collections.Immutable;

namespace OpenCpm.Core.Reservations;

/// <summary>
/// The reservations in force (ocpp.md §1.10 ReserveNow/CancelReservation), immutable: each change returns a new book.
/// Rules: a ReserveNow with a reservationId already held replaces that reservation (wherever it was); a connector holds
/// at most one reservation, so a reservation of another id there answers Occupied; a connector busy, faulted or out of
/// service answers Occupied, Faulted or Unavailable; an unknown connector, an expiry already past, or connector 0
/// (ReserveConnectorZeroSupported is false) answers Rejected. Expired reservations are dropped with
/// <see cref="Expire"/>; the time is always passed in.
/// </summary>
public sealed class ReservationBook
{
    public static ReservationBook Empty { get; } = new(ImmutableList<Reservation>.Empty);

    private ReservationBook(ImmutableList<Reservation> all) => All = all;

    /// <summary>The reservations, oldest first.</summary>
    public ImmutableList<Reservation> All { get; }

    /// <summary>The reservation holding connector <paramref name="connectorId"/> at <paramref name="now"/>, or null.</summary>
    public Reservation? At(int connectorId, DateTimeOffset now) =>
        All.Find(r => r.ConnectorId == connectorId && r.HoldsAt(now));

    /// <summary>The earliest expiry, or null when the book is empty.</summary>
    public DateTimeOffset? NextExpiry => All.IsEmpty ? null : All.Min(r => r.ExpiresAt);

    /// <summary>Decides a ReserveNow for a connector whose state is <paramref name="occupancy"/>; the new book holds it when Accepted.</summary>
    public (ReservationAnswer Answer, ReservationBook Book) Reserve(Reservation request, ConnectorOccupancy occupancy, int connectorCount, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ConnectorId < 1 || request.ConnectorId > connectorCount || !request.HoldsAt(now))
        {
            return (ReservationAnswer.Rejected, this);
        }

        var others = All.RemoveAll(r => r.Id == request.Id || !r.HoldsAt(now));
        var answer = others.Exists(r => r.ConnectorId == request.ConnectorId) ? ReservationAnswer.Occupied
            : occupancy switch
            {
                ConnectorOccupancy.Faulted => ReservationAnswer.Faulted,
                ConnectorOccupancy.Occupied => ReservationAnswer.Occupied,
                ConnectorOccupancy.Unavailable => ReservationAnswer.Unavailable,
                _ => ReservationAnswer.Accepted,
            };
        return answer == ReservationAnswer.Accepted ? (answer, new ReservationBook(others.Add(request))) : (answer, this);
    }

    /// <summary>CancelReservation: the book without <paramref name="reservationId"/>, or null when no such reservation holds.</summary>
    public ReservationBook? Cancel(int reservationId, DateTimeOffset now) =>
        All.Find(r => r.Id == reservationId && r.HoldsAt(now)) is { } found ? new ReservationBook(All.Remove(found)) : null;

    /// <summary>A transaction starts at <paramref name="connectorId"/> under a card the reservation admits: the reservation it uses (then gone), or null.</summary>
    public (Reservation? Used, ReservationBook Book) Use(int connectorId, string idTag, string? parentIdTag, DateTimeOffset now) =>
        At(connectorId, now) is { } held && held.Admits(idTag, parentIdTag) ? (held, new ReservationBook(All.Remove(held))) : (null, this);

    /// <summary>A stored reservation back in the book (at start-up; it was decided when it was made).</summary>
    public ReservationBook Restore(Reservation reservation) => new(All.Add(reservation));

    /// <summary>The book without the reservations expired at <paramref name="now"/> (the same book when none did).</summary>
    public ReservationBook Expire(DateTimeOffset now) =>
        All.TrueForAll(r => r.HoldsAt(now)) ? this : new ReservationBook(All.RemoveAll(r => !r.HoldsAt(now)));
}
