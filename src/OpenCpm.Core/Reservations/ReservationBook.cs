using System.Collections.Immutable;

namespace OpenCpm.Core.Reservations;

/// <summary>
/// The reservations in force (ocpp.md §1.10 ReserveNow/CancelReservation), immutable: each change returns a new book.
/// Rules: a ReserveNow with a reservationId already held replaces that reservation (wherever it was); a connector holds
/// at most one reservation, so a reservation of another id there answers Occupied; a connector busy, faulted or out of
/// service answers Occupied, Faulted or Unavailable; an unknown connector or an expiry already past answers Rejected.
/// <para>
/// Connector 0 (OCPP 1.6 §5.13, ReserveConnectorZeroSupported): no connector is reserved for good, but one stays free
/// for the idTag while the reservation holds. The book places each such reservation on a free connector (the
/// highest-numbered one not held otherwise), which shows Reserved and refuses other cards; when a vehicle takes that
/// connector and another is free, <see cref="Place"/> moves the reservation there, so the other vehicle may charge;
/// when none is free it stays where it is. A transaction of the idTag at any connector uses it. A ReserveNow for
/// connector 0 is Accepted when a free connector is left for it, else Occupied (a connector busy or reserved),
/// Faulted, or Unavailable (every connector so); a ReserveNow for connector N that would take the last free
/// connector of a connector-0 reservation answers Occupied.
/// </para>
/// Expired reservations are dropped with <see cref="Expire"/>; the time is always passed in.
/// </summary>
public sealed class ReservationBook
{
    public static ReservationBook Empty { get; } = new(ImmutableList<Reservation>.Empty, ImmutableDictionary<int, int>.Empty);

    private readonly ImmutableDictionary<int, int> _placed;

    private ReservationBook(ImmutableList<Reservation> all, ImmutableDictionary<int, int> placed)
    {
        All = all;
        _placed = placed;
    }

    /// <summary>The reservations, oldest first.</summary>
    public ImmutableList<Reservation> All { get; }

    /// <summary>Whether a reservation for connector 0 is in the book (its place follows the connectors' states).</summary>
    public bool HasConnectorZero => All.Exists(r => r.ConnectorId == 0);

    /// <summary>The reservation holding connector <paramref name="connectorId"/> at <paramref name="now"/>, or null: its own, or a connector-0 one placed there.</summary>
    public Reservation? At(int connectorId, DateTimeOffset now) =>
        All.Find(r => r.HoldsAt(now) && (r.ConnectorId == connectorId || (r.ConnectorId == 0 && PlacedAt(r) == connectorId)));

    /// <summary>The connector a connector-0 reservation is placed on (its own connector for the others); 0 = none.</summary>
    public int PlacedAt(Reservation reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        return reservation.ConnectorId != 0 ? reservation.ConnectorId : _placed.GetValueOrDefault(reservation.Id);
    }

    /// <summary>The earliest expiry, or null when the book is empty.</summary>
    public DateTimeOffset? NextExpiry => All.IsEmpty ? null : All.Min(r => r.ExpiresAt);

    /// <summary>Decides a ReserveNow for a connector whose state is <paramref name="occupancy"/> (the others count as free).</summary>
    public (ReservationAnswer Answer, ReservationBook Book) Reserve(Reservation request, ConnectorOccupancy occupancy, int connectorCount, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var connectors = Enumerable.Range(1, Math.Max(0, connectorCount))
            .Select(c => c == request.ConnectorId ? occupancy : ConnectorOccupancy.Free).ToList();
        return Reserve(request, connectors, now);
    }

    /// <summary>
    /// Decides a ReserveNow; <paramref name="connectors"/> holds the state of connectors 1…N (index 0 = connector 1).
    /// The new book holds it when Accepted.
    /// </summary>
    public (ReservationAnswer Answer, ReservationBook Book) Reserve(Reservation request, IReadOnlyList<ConnectorOccupancy> connectors, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(connectors);
        if (request.ConnectorId < 0 || request.ConnectorId > connectors.Count || connectors.Count == 0 || !request.HoldsAt(now))
        {
            return (ReservationAnswer.Rejected, this);
        }

        var others = All.RemoveAll(r => r.Id == request.Id || !r.HoldsAt(now));
        var placedOthers = _placed.RemoveRange(All.Where(r => !others.Contains(r)).Select(r => r.Id));
        var candidate = new ReservationBook(others.Add(request), placedOthers.Remove(request.Id)).Place(connectors, now);
        if (request.ConnectorId == 0)
        {
            return candidate._placed.TryGetValue(request.Id, out var at) && connectors[at - 1] == ConnectorOccupancy.Free
                ? (ReservationAnswer.Accepted, candidate)
                : (NoRoomAnswer(connectors), this);
        }

        var answer = others.Exists(r => r.ConnectorId == request.ConnectorId) ? ReservationAnswer.Occupied
            : connectors[request.ConnectorId - 1] switch
            {
                ConnectorOccupancy.Faulted => ReservationAnswer.Faulted,
                ConnectorOccupancy.Occupied => ReservationAnswer.Occupied,
                ConnectorOccupancy.Unavailable => ReservationAnswer.Unavailable,
                _ => ReservationAnswer.Accepted,
            };

        // The last free connector of a connector-0 reservation is not given away.
        var zeroLosesItsPlace = others.Exists(r => r.ConnectorId == 0 && PlacedAt(r) != 0 && candidate.PlacedAt(r) == 0);
        return answer == ReservationAnswer.Accepted && !zeroLosesItsPlace ? (answer, candidate)
            : (answer == ReservationAnswer.Accepted ? ReservationAnswer.Occupied : answer, this);
    }

    /// <summary>
    /// Places the connector-0 reservations on connectors (index 0 of <paramref name="connectors"/> = connector 1): each
    /// keeps its connector while that is free, else moves to the highest-numbered free connector no other reservation
    /// holds, else stays where it was (a vehicle took the last one: it is held for the idTag all the same). The same
    /// book when nothing moved.
    /// </summary>
    public ReservationBook Place(IReadOnlyList<ConnectorOccupancy> connectors, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(connectors);
        if (!HasConnectorZero)
        {
            return this;
        }

        var taken = All.Where(r => r.ConnectorId > 0 && r.HoldsAt(now)).Select(r => r.ConnectorId).ToHashSet();
        bool IsFree(int c) => c >= 1 && c <= connectors.Count && connectors[c - 1] == ConnectorOccupancy.Free && !taken.Contains(c);
        var zeros = All.Where(r => r.ConnectorId == 0 && r.HoldsAt(now)).ToList();

        // Those whose connector is still free keep it first, so a newer reservation never pushes an older one around.
        var kept = new HashSet<int>();
        foreach (var zero in zeros)
        {
            if (IsFree(_placed.GetValueOrDefault(zero.Id)))
            {
                taken.Add(_placed[zero.Id]);
                kept.Add(zero.Id);
            }
        }

        var placed = _placed;
        foreach (var zero in zeros.Where(z => !kept.Contains(z.Id)))
        {
            var previous = _placed.GetValueOrDefault(zero.Id);
            var free = Enumerable.Range(1, connectors.Count).Reverse().FirstOrDefault(IsFree);
            var next = free != 0 ? free : previous >= 1 && previous <= connectors.Count && !taken.Contains(previous) ? previous : 0;
            taken.Add(next);
            placed = next == previous ? placed : next == 0 ? placed.Remove(zero.Id) : placed.SetItem(zero.Id, next);
        }

        return placed == _placed ? this : new ReservationBook(All, placed);
    }

    /// <summary>CancelReservation: the book without <paramref name="reservationId"/>, or null when no such reservation holds.</summary>
    public ReservationBook? Cancel(int reservationId, DateTimeOffset now) =>
        All.Find(r => r.Id == reservationId && r.HoldsAt(now)) is { } found ? Without(found) : null;

    /// <summary>
    /// A transaction starts at <paramref name="connectorId"/> under a card: the reservation it uses (then gone), or
    /// null — the connector's own reservation when it admits the card, else a connector-0 reservation that admits it
    /// (the one placed there first), unless the connector is reserved for another card.
    /// </summary>
    public (Reservation? Used, ReservationBook Book) Use(int connectorId, string idTag, string? parentIdTag, DateTimeOffset now)
    {
        var own = All.Find(r => r.ConnectorId == connectorId && r.HoldsAt(now));
        var used = own is not null
            ? (own.Admits(idTag, parentIdTag) ? own : null)
            : All.Where(r => r.ConnectorId == 0 && r.HoldsAt(now) && r.Admits(idTag, parentIdTag))
                .OrderBy(r => PlacedAt(r) == connectorId ? 0 : 1).FirstOrDefault();
        return used is null ? (null, this) : (used, Without(used));
    }

    /// <summary>A stored reservation back in the book (at start-up; it was decided when it was made, <see cref="Place"/> places it).</summary>
    public ReservationBook Restore(Reservation reservation) => new(All.Add(reservation), _placed);

    /// <summary>The book without the reservations expired at <paramref name="now"/> (the same book when none did).</summary>
    public ReservationBook Expire(DateTimeOffset now) =>
        All.TrueForAll(r => r.HoldsAt(now)) ? this
            : new ReservationBook(All.RemoveAll(r => !r.HoldsAt(now)), _placed.RemoveRange(All.Where(r => !r.HoldsAt(now)).Select(r => r.Id)));

    /// <summary>
    /// OCPP 1.6 §5.13 (3): a reservation ends when its connector is set to Faulted or Unavailable. The book without the
    /// reservations of the connectors in <paramref name="unusable"/> (a connector-0 reservation only when every one of
    /// the <paramref name="connectorCount"/> connectors is so: until then it moves to a usable one), and which ended;
    /// the same book when none did.
    /// </summary>
    public (IReadOnlyList<Reservation> Ended, ReservationBook Book) EndAt(IReadOnlySet<int> unusable, int connectorCount)
    {
        ArgumentNullException.ThrowIfNull(unusable);
        var wholeSite = connectorCount > 0 && Enumerable.Range(1, connectorCount).All(unusable.Contains);
        var ended = All.FindAll(r => r.ConnectorId == 0 ? wholeSite : unusable.Contains(r.ConnectorId));
        return ended.IsEmpty ? ([], this) : (ended, ended.Aggregate(this, (book, r) => book.Without(r)));
    }

    private ReservationBook Without(Reservation reservation) => new(All.Remove(reservation), _placed.Remove(reservation.Id));

    /// <summary>Why a connector-0 reservation finds no free connector: Occupied when one is busy or reserved, else Faulted, else Unavailable.</summary>
    private static ReservationAnswer NoRoomAnswer(IReadOnlyList<ConnectorOccupancy> connectors) =>
        connectors.Contains(ConnectorOccupancy.Occupied) || connectors.Contains(ConnectorOccupancy.Free) ? ReservationAnswer.Occupied
            : connectors.Contains(ConnectorOccupancy.Faulted) ? ReservationAnswer.Faulted
            : ReservationAnswer.Unavailable;
}
