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
/// asked for, from the latest site snapshot: where it is follows the stations, it is not stored. A reservation ends when
/// its station is taken out of service or becomes faulted or unreachable after it was heard (OCPP 1.6 §5.13 (3); a
/// station not heard yet since the start is not a fault: the reservations kept across a restart wait for it).
/// </summary>
internal sealed class ChargePointReservations(SettingsService settings, SiteSnapshots site, ReservationStore store, TimeProvider time, ILogger<ChargePointReservations> logger)
    : IHostedLifecycleService, IDisposable
{
    private static readonly TimeSpan MaxTimerDue = TimeSpan.FromDays(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _publish = new();
    private readonly HashSet<int> _heard = [];
    private ITimer? _timer;
    private IDisposable? _siteChanges;
    private int _ending;
    private volatile Numbered? _numbering;
    private volatile SeenOccupancy? _occupancy;

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

        var connector = Numbering(settings.Current).ConnectorOf(chargePointId);
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
        var seen = Occupancy();
        lock (_heard)
        {
            // The stations heard as the reservation is made: a fault from now on ends it.
            for (var c = 1; c <= seen.Count; c++)
            {
                if (seen[c - 1] is ConnectorOccupancy.Free or ConnectorOccupancy.Occupied)
                {
                    _heard.Add(c);
                }
            }
        }

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

        var connectors = Occupancy();
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

    /// <summary>Connectors 1…N as the last snapshot shows them (index 0 = connector 1).</summary>
    private IReadOnlyList<ConnectorOccupancy> Occupancy()
    {
        var snapshot = site.Current;
        var current = settings.Current;
        if (_occupancy is { } seen && ReferenceEquals(seen.Site, snapshot) && ReferenceEquals(seen.Settings, current))
        {
            return seen.Connectors; // asked for each charge point in a control cycle: worked out once per snapshot
        }

        var availability = current.Get<AvailabilitySettings>();
        var connectors = Numbering(current).ChargePoints.Select(c =>
            snapshot.Find(c.Id) is not { Driver: not null, Status.Online: true } cp
                || cp.State is Core.ChargePoints.ChargePointState.Offline or Core.ChargePoints.ChargePointState.Error ? ConnectorOccupancy.Faulted
            : availability.IsOutOfService(c.Id) ? ConnectorOccupancy.Unavailable
            : cp.Status.VehiclePlugged ? ConnectorOccupancy.Occupied
            : ConnectorOccupancy.Free).ToList();
        _occupancy = new SeenOccupancy(snapshot, current, connectors);
        return connectors;
    }

    /// <summary>The connector numbering of <paramref name="current"/> (a sort of the site), made once per settings snapshot.</summary>
    private OcppConnectors Numbering(SettingsSnapshot current)
    {
        if (_numbering is { } numbered && ReferenceEquals(numbered.Settings, current))
        {
            return numbered.Connectors;
        }

        var connectors = new OcppConnectors(current.Site);
        _numbering = new Numbered(current, connectors);
        return connectors;
    }

    /// <summary>Each snapshot while something is reserved: the reservations of stations out of service, or faulted after they were heard, end.</summary>
    private void OnSnapshot()
    {
        if (Book.Current.All.IsEmpty)
        {
            return;
        }

        var connectors = Occupancy();
        HashSet<int>? unusable = null;
        lock (_heard)
        {
            for (var c = 1; c <= connectors.Count; c++)
            {
                var occupancy = connectors[c - 1];
                if (occupancy is ConnectorOccupancy.Free or ConnectorOccupancy.Occupied)
                {
                    _heard.Add(c);
                }
                else if (occupancy == ConnectorOccupancy.Unavailable || _heard.Contains(c))
                {
                    (unusable ??= []).Add(c);
                }
            }
        }

        if (unusable is not null && Interlocked.Exchange(ref _ending, 1) == 0)
        {
            _ = EndAsync(unusable, connectors);
        }
    }

    private async Task EndAsync(HashSet<int> unusable, IReadOnlyList<ConnectorOccupancy> connectors)
    {
        try
        {
            IReadOnlyList<Reservation> ended = [];
            await UpdateAsync(book =>
            {
                (ended, var next) = book.EndAt(unusable, connectors.Count);
                return next;
            }, CancellationToken.None);
            foreach (var reservation in ended)
            {
                var state = reservation.ConnectorId == 0 ? "faulted or out of service, as every station" : connectors[reservation.ConnectorId - 1] == ConnectorOccupancy.Unavailable ? "out of service" : "faulted or unreachable";
                AuthorizationLog.ReservationEnded(logger, reservation.Id, reservation.ConnectorId, state);
            }
        }
        catch (Exception ex)
        {
            AuthorizationLog.EndingFailed(logger, ex);
        }
        finally
        {
            Volatile.Write(ref _ending, 0);
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
        _siteChanges = site.Live.Subscribe(_ => OnSnapshot());
    }

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _siteChanges?.Dispose();
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _timer?.Dispose();
        _siteChanges?.Dispose();
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

    private sealed record Numbered(SettingsSnapshot Settings, OcppConnectors Connectors);

    private sealed record SeenOccupancy(SiteSnapshot Site, SettingsSnapshot Settings, IReadOnlyList<ConnectorOccupancy> Connectors);
}
