using OpenCpm.Core.Reservations;
using OpenCpm.Live;
using OpenCpm.Ocpp;
using OpenCpm.Settings;

namespace OpenCpm.Authorization;

/// <summary>
/// The backend's reservations (<see cref="ReservationBook"/>) on the host: a reserved charge point charges only for
/// the reserving card (or one with its parent), shows Reserved to the backend, and is free again when the reservation
/// is used by a transaction, cancelled, or expires — a TimeProvider timer set to the next expiry, not a poll.
/// Kept in memory: after a restart the reservations are gone (the backend learns it from the Available statuses).
/// </summary>
internal sealed class ChargePointReservations : IDisposable
{
    private readonly SettingsService _settings;
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private readonly Lock _lock = new();

    public ChargePointReservations(SettingsService settings, TimeProvider time)
    {
        _settings = settings;
        _time = time;
        _timer = time.CreateTimer(_ => Update(book => book.Expire(_time.GetUtcNow())), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The reservations; published at each change.</summary>
    public LiveValue<ReservationBook> Book { get; } = new(ReservationBook.Empty);

    /// <summary>The reservation holding <paramref name="chargePointId"/> now, or null.</summary>
    public Reservation? HeldAt(string chargePointId)
    {
        var connector = new OcppConnectors(_settings.Current.Site).ConnectorOf(chargePointId);
        return connector == 0 ? null : Book.Current.At(connector, _time.GetUtcNow());
    }

    /// <summary>ReserveNow for a connector in the state <paramref name="occupancy"/>.</summary>
    public ReservationAnswer Reserve(Reservation request, ConnectorOccupancy occupancy)
    {
        var count = new OcppConnectors(_settings.Current.Site).Count;
        var answer = ReservationAnswer.Rejected;
        Update(book =>
        {
            (answer, var next) = book.Reserve(request, occupancy, count, _time.GetUtcNow());
            return next;
        });
        return answer;
    }

    /// <summary>CancelReservation: whether the reservation held and is gone now.</summary>
    public bool Cancel(int reservationId)
    {
        var found = false;
        Update(book =>
        {
            var next = book.Cancel(reservationId, _time.GetUtcNow());
            found = next is not null;
            return next ?? book;
        });
        return found;
    }

    /// <summary>A transaction starts at <paramref name="connectorId"/> under <paramref name="idTag"/>: the id of the reservation it uses (then ended), or null.</summary>
    public int? Use(int connectorId, string idTag, string? parentIdTag)
    {
        Reservation? used = null;
        Update(book =>
        {
            (used, var next) = book.Use(connectorId, idTag, parentIdTag, _time.GetUtcNow());
            return next;
        });
        return used?.Id;
    }

    public void Dispose() => _timer.Dispose();

    private void Update(Func<ReservationBook, ReservationBook> change)
    {
        lock (_lock)
        {
            var current = Book.Current;
            var next = change(current);
            if (!ReferenceEquals(next, current))
            {
                Book.Publish(next);
            }

            var due = next.NextExpiry is { } expiry ? expiry - _time.GetUtcNow() : Timeout.InfiniteTimeSpan;
            _timer.Change(due == Timeout.InfiniteTimeSpan ? due : due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
    }
}
