using OpenCpm.Core.Reservations;
using OpenCpm.Live;
using OpenCpm.Ocpp;
using OpenCpm.Settings;

namespace OpenCpm.Authorization;

/// <summary>
/// The backend's reservations (<see cref="ReservationBook"/>) on the host: a reserved charge point charges only for
/// the reserving card (or one with its parent), shows Reserved to the backend, and is free again when the reservation
/// is used by a transaction, cancelled, or expires — a TimeProvider timer set to the next expiry, not a poll. Kept in
/// SQLite (<see cref="ReservationStore"/>): a restart keeps them; those that expired meanwhile are dropped at start.
/// </summary>
internal sealed class ChargePointReservations(SettingsService settings, ReservationStore store, TimeProvider time, ILogger<ChargePointReservations> logger)
    : IHostedLifecycleService, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
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
        return connector == 0 ? null : Book.Current.At(connector, time.GetUtcNow());
    }

    /// <summary>ReserveNow for a connector in the state <paramref name="occupancy"/>.</summary>
    public async Task<ReservationAnswer> ReserveAsync(Reservation request, ConnectorOccupancy occupancy, CancellationToken cancellationToken)
    {
        var count = new OcppConnectors(settings.Current.Site).Count;
        var answer = ReservationAnswer.Rejected;
        await UpdateAsync(book =>
        {
            (answer, var next) = book.Reserve(request, occupancy, count, time.GetUtcNow());
            return next;
        }, cancellationToken);
        return answer;
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

    /// <summary>A transaction starts at <paramref name="connectorId"/> under <paramref name="idTag"/>: the id of the reservation it uses (then ended), or null.</summary>
    public async Task<int?> UseAsync(int connectorId, string idTag, string? parentIdTag, CancellationToken cancellationToken)
    {
        if (Book.Current.At(connectorId, time.GetUtcNow()) is null)
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
            var current = Book.Current;
            var next = change(current);
            if (!ReferenceEquals(next, current))
            {
                await store.SaveAsync(next, cancellationToken);
                Book.Publish(next);
            }

            if (next.NextExpiry is { } expiry)
            {
                var due = expiry - time.GetUtcNow();
                _timer?.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
