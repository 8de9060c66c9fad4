using Microsoft.Extensions.Time.Testing;
using OpenCpm.Authorization;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Core.Reservations;
using OpenCpm.Settings;
using OpenCpm.Tests.Api;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Authorization;

/// <summary>The host's reservations on a fake clock: stored across a restart, dropped by a timer at their expiry.</summary>
public sealed class ChargePointReservationsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly SiteSettings Site = new()
    {
        MaxCurrentA = 63,
        ChargePoints = [new ChargePointSettings { Id = "cp1", MaxCurrentA = 32 }, new ChargePointSettings { Id = "cp2", MaxCurrentA = 32 }, new ChargePointSettings { Id = "cp3", MaxCurrentA = 32 }],
    };

    private static readonly ConnectorOccupancy[] Free = [ConnectorOccupancy.Free, ConnectorOccupancy.Free, ConnectorOccupancy.Free];

    [Fact]
    public async Task A_reservation_survives_a_restart_and_one_that_expired_meanwhile_does_not()
    {
        using var data = new TempDirectory();
        var time = new FakeTimeProvider(T0);
        await using (var app = await OpenCpmApplication.StartAsync(data.Path, time: time))
        {
            await SiteSetup.ConfigureAsync(app.Service<SettingsService>(), Site, [FreePort.LoopbackAddress(), FreePort.LoopbackAddress(), FreePort.LoopbackAddress()]);
            var reservations = app.Service<ChargePointReservations>();
            Assert.Equal(ReservationAnswer.Accepted, await reservations.ReserveAsync(new Reservation(1, 1, "AAAA", "PARENT", T0.AddHours(1)), Free, CancellationToken.None));
            Assert.Equal(ReservationAnswer.Accepted, await reservations.ReserveAsync(new Reservation(2, 2, "BBBB", null, T0.AddHours(3)), Free, CancellationToken.None));
            Assert.Equal(ReservationAnswer.Accepted, await reservations.ReserveAsync(new Reservation(3, 0, "CCCC", null, T0.AddHours(3)), Free, CancellationToken.None));
        }

        time.Advance(TimeSpan.FromHours(2));
        await using (var app = await OpenCpmApplication.StartAsync(data.Path, time: time))
        {
            var reservations = app.Service<ChargePointReservations>();
            Assert.Equal([new Reservation(2, 2, "BBBB", null, T0.AddHours(3)), new Reservation(3, 0, "CCCC", null, T0.AddHours(3))], reservations.Book.Current.All);
            Assert.Equal(2, reservations.HeldAt("cp2")?.Id);
            Assert.Null(reservations.HeldAt("cp1"));
            Assert.Null(reservations.HeldAt("cp3")); // the connector-0 reservation is placed only on a station that is reachable and free
        }
    }

    [Fact]
    public async Task A_reservation_is_dropped_by_its_timer_at_the_expiry_itself()
    {
        var time = new FakeTimeProvider(T0);
        await using var app = await OpenCpmApplication.StartAsync(null, time: time);
        await SiteSetup.ConfigureAsync(app.Service<SettingsService>(), Site, [FreePort.LoopbackAddress(), FreePort.LoopbackAddress(), FreePort.LoopbackAddress()]);
        var reservations = app.Service<ChargePointReservations>();
        Assert.Equal(ReservationAnswer.Accepted, await reservations.ReserveAsync(new Reservation(5, 1, "AAAA", null, T0.AddMinutes(10)), Free, CancellationToken.None));
        var dropped = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = reservations.Book.Subscribe(b => { if (b.All.IsEmpty) { dropped.TrySetResult(time.GetUtcNow()); } });

        time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromMilliseconds(1));
        Assert.Single(reservations.Book.Current.All);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(T0.AddMinutes(10), await dropped.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_reservation_for_months_ahead_is_kept_and_dropped_at_its_expiry_beyond_the_longest_timer()
    {
        var time = new FakeTimeProvider(T0);
        await using var app = await OpenCpmApplication.StartAsync(null, time: time);
        await SiteSetup.ConfigureAsync(app.Service<SettingsService>(), Site, [FreePort.LoopbackAddress(), FreePort.LoopbackAddress(), FreePort.LoopbackAddress()]);
        var reservations = app.Service<ChargePointReservations>();
        Assert.Equal(ReservationAnswer.Accepted, await reservations.ReserveAsync(new Reservation(6, 1, "AAAA", null, T0.AddDays(100)), Free, CancellationToken.None));
        var dropped = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = reservations.Book.Subscribe(b => { if (b.All.IsEmpty) { dropped.TrySetResult(time.GetUtcNow()); } });

        for (var day = 0; day < 99; day++)
        {
            time.Advance(TimeSpan.FromDays(1));
            await Task.Yield();
        }

        Assert.Single(reservations.Book.Current.All);
        time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(T0.AddDays(100), await dropped.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
    }
}
