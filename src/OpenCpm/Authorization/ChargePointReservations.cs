using OpenCpm.Control;
using OpenCpm.Core.Reservations;
using OpenCpm.Data;
using OpenCpm.Live;
using OpenCpm.Ocpp;
using OpenCpm.Settings;

namespace OpenCpm.Authorization;

/// <summary>
/// The backend's reservations (<see cref="ReservationBook"/>) on the host: a reserved charge point charges only for
/// the reserving card (or one with its parent), shows Reserved to the backend, and is free again when the reservation
/// is used by a transaction, cancelled, or expires — a TimeProvider timer set to the next expiry, not a poll. Kept in
/// SQLite (<see cref="ReservationStore"/>): a restart keeps them; those that expired meanwhile are dropped at start.
/// A reservation for connector 0 is placed on a free station (<see cref="ReservationBook.Place"/>) each time it is
/// asked for, from the latest site snapshot: where it is follows the stations, it is not stored.
/// </summary>
internal sealed class ChargePointReservations(SettingsService settings, SiteSnapshots site, ReservationStore store, TimeProvider time, ILogger<ChargePointReservations> logger)
    : IHostedLifecycleService, IDisposable
{
    private static readonly TimeSpan MaxTimerDue = TimeSpan.FromDays(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _publish = new();
    private ITimer? _timer;

    /// <summary>The reservations; published at each change.</summary>
    public LiveValue<ReservationBook> Book { get; } = new(ReservationBook.Empty);

    /// <summary>The reservation holding <paramref name="chargePointId"/> now, or null.</summary>
    public Reservation? HeldAt(string chargePointId)
    {
        // Asked for every charge point in every control cycle: numbering the connectors costs a sort of the site, so
        // only when something is reserved at all.
        if (Book.Current.All.IsEmpty)
        {
            return null;
        }

        var connector = new OcppConnectors(settings.Current.Site).ConnectorOf(chargePointId);
        return connector == 0 ? null : HeldAt(connector);
    }

    /// <summary>The reservation holding connector <paramref name="connectorId"/> now (its own, or one for connector 0 placed there), or null.</summary>
    public Reservation? HeldAt(int connectorId) => Placed().At(connectorId, time.GetUtcNow());

    /// <summary>ReserveNow; <paramref name="connectors"/> holds the state of connectors 1…N.</summary>
    public async Task<ReservationAnswer> ReserveAsync(Reservation request, IReadOnlyList<ConnectorOccupancy> connectors, CancellationToken cancellationToken)
    {
        var answer = ReservationAnswer.Rejected;
        await UpdateAsync(book =>
        {
            (answer, var next) = book.Reserve(request, connectors, time.GetUtcNow());
            return next;
        }, cancellationToken);
        return answer;
    }

    /// <summary>
    /// The book with its connector-0 reservations placed for the stations as the last snapshot shows them: a station is
    /// free when it is reachable, without a fault, in service and no vehicle is plugged in. Published when one moved.
    /// </summary>
    private ReservationBook Placed()
    {
        if (!Book.Current.HasConnectorZero)
        {
            return Book.Current;
        }

        var snapshot = site.Current;
        var current = settings.Current;
        var availability = current.Get<AvailabilitySettings>();
        var connectors = new OcppConnectors(current.Site).ChargePoints.Select(c =>
            snapshot.Find(c.Id) is not { Driver: not null, Status.Online: true } cp
                || cp.State is Core.ChargePoints.ChargePointState.Offline or Core.ChargePoints.ChargePointState.Error ? ConnectorOccupancy.Faulted
            : availability.IsOutOfService(c.Id) ? ConnectorOccupancy.Unavailable
            : cp.Status.VehiclePlugged ? ConnectorOccupancy.Occupied
            : ConnectorOccupancy.Free).ToList();
        lock (_publish)
        {
            var book = Book.Current;
            var placed = book.Place(connectors, time.GetUtcNow());
            if (!ReferenceEquals(placed, book))
            {
                Book.Publish(placed);
            }

            return placed;
        }
    }

    /// <summary>CancelReservation: whether the reservation held and is gone now.</summary>
    public async Task<bool> CancelAsync(int reservationId, CancellationToken cancellationToken)
    {
        var found = false;
        await UpdateAsync(book =>
        {
            var next = book.Cancel(reservationId, time.GetUtcNow());
            found = next is not null;
            return next ?? book;
        }, cancellationToken);
        return found;
    }

    /// <summary>A transaction starts at <paramref name="connectorId"/> under <paramref name="idTag"/>: the id of the reservation it uses (its connector's, or one for connector 0; then ended), or null.</summary>
    public async Task<int?> UseAsync(int connectorId, string idTag, string? parentIdTag, CancellationToken cancellationToken)
    {
        if (Book.Current.All.IsEmpty)
        {
            return null;
        }

        Reservation? used = null;
        await UpdateAsync(book =>
        {
            (used, var next) = book.Use(connectorId, idTag, parentIdTag, time.GetUtcNow());
            return next;
        }, cancellationToken);
        return used?.Id;
    }

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var loaded = (await store.LoadAsync(cancellationToken)).Aggregate(ReservationBook.Empty, (book, r) => book.Restore(r));
        Book.Publish(loaded);
        _timer = time.CreateTimer(_ => _ = ExpireAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        await UpdateAsync(book => book.Expire(time.GetUtcNow()), cancellationToken);
    }

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _timer?.Dispose();
        _gate.Dispose();
    }

    private async Task ExpireAsync()
    {
        try
        {
            await UpdateAsync(book => book.Expire(time.GetUtcNow()), CancellationToken.None);
        }
        catch (Exception ex)
        {
            AuthorizationLog.ExpiryFailed(logger, ex);
        }
    }

    /// <summary>Applies <paramref name="change"/>, stores and publishes the new book, and sets the timer to its next expiry.</summary>
    private async Task UpdateAsync(Func<ReservationBook, ReservationBook> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ReservationBook current, next;
            lock (_publish)
            {
                current = Book.Current;
                next = change(current);
            }

            if (!ReferenceEquals(next, current))
            {
                await store.SaveAsync(next, cancellationToken);
                lock (_publish)
                {
                    // Only a connector-0 reservation's place can have moved meanwhile (Placed); it is placed again when next asked for.
                    Book.Publish(next);
                }
            }

            if (next.NextExpiry is { } expiry)
            {
                // A timer can't be set further than ~49 days ahead: a later expiry is looked at again then (and re-armed).
                var due = expiry - time.GetUtcNow();
                _timer?.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due > MaxTimerDue ? MaxTimerDue : due, Timeout.InfiniteTimeSpan);
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
