using FsCheck.Xunit;
using OpenCpm.Core.ChargePoints;
using OpenCpm.Core.LoadManagement;
using static OpenCpm.Core.Tests.LoadManagement.AllocatorHarness;

namespace OpenCpm.Core.Tests.LoadManagement;

/// <summary>
/// A reserved station's share (<see cref="ChargePointDemand.HeldForReservation"/>): its minimum current is kept from the
/// queue while current is short, so the reserving vehicle starts at once; the charging vehicles keep everything they
/// had, and nothing changes while current is plentiful.
/// </summary>
public sealed class ReservationShareTests
{
    [Fact]
    public void While_current_is_short_the_reserved_share_is_kept_from_the_queue_and_the_reserving_vehicle_starts_at_once()
    {
        // 18 A: room for three vehicles at 6 A. Two charge, the third station is reserved, a fourth vehicle comes.
        var h = new AllocatorHarness(SiteOf(18, ThreePhase("a"), ThreePhase("b"), ThreePhase("reserved"), ThreePhase("d")));
        h.Plug(0, PhaseSet.AllThree);
        h.Plug(1, PhaseSet.AllThree);
        h.Demands[2] = h.Demands[2] with { HeldForReservation = true };
        h.Run();
        Assert.Equal((9, 9), (h.Setpoint(0), h.Setpoint(1))); // the charging vehicles share the held share too
        Assert.Equal(LimitKind.Reservation, h.Last.LimitedBy[2].Kind);

        h.Time.Advance(TimeSpan.FromSeconds(1));
        h.Plug(3, PhaseSet.AllThree);
        h.Run();
        Assert.Equal(0, h.Setpoint(3));
        Assert.Equal((LimitKind.Reservation, ChargePointState.Queued), (h.Last.LimitedBy[3].Kind, h.Last.States[3]));
        Assert.Equal("reservation", h.Last.LimitedBy[3].ToString());

        // The reserving vehicle comes (its transaction uses the reservation, which ends): it starts in this cycle.
        h.Time.Advance(TimeSpan.FromSeconds(1));
        h.Plug(2, PhaseSet.AllThree);
        h.Demands[2] = h.Demands[2] with { HeldForReservation = false };
        h.Run();
        Assert.Equal((6, 6, 6, 0), (h.Setpoint(0), h.Setpoint(1), h.Setpoint(2), h.Setpoint(3)));
        Assert.Equal(LimitKind.Queue, h.Last.LimitedBy[3].Kind);
    }

    [Fact]
    public void Without_the_reservation_the_newcomer_would_take_the_share_and_the_later_vehicle_would_wait_for_a_rotation()
    {
        var h = new AllocatorHarness(SiteOf(18, ThreePhase("a"), ThreePhase("b"), ThreePhase("reserved"), ThreePhase("d")));
        h.Plug(0, PhaseSet.AllThree);
        h.Plug(1, PhaseSet.AllThree);
        h.Run();
        h.Time.Advance(TimeSpan.FromSeconds(1));
        h.Plug(3, PhaseSet.AllThree);
        h.Run();
        h.Time.Advance(TimeSpan.FromSeconds(1));
        h.Plug(2, PhaseSet.AllThree);
        h.Run();
        Assert.Equal((6, 0, 6), (h.Setpoint(3), h.Setpoint(2), h.Setpoint(0)));
        Assert.Equal(ChargePointState.Queued, h.Last.States[2]);
    }

    [Fact]
    public void While_current_is_plentiful_a_reservation_changes_nothing()
    {
        double[] Setpoints(bool reserved)
        {
            var h = new AllocatorHarness(SiteOf(63, ThreePhase("a"), ThreePhase("b"), ThreePhase("reserved")));
            h.Plug(0, PhaseSet.AllThree);
            h.Plug(1, PhaseSet.AllThree);
            h.Demands[2] = h.Demands[2] with { HeldForReservation = reserved };
            h.Run();
            return [.. h.Last.SetpointA];
        }

        Assert.Equal(Setpoints(reserved: false), Setpoints(reserved: true));
        Assert.Equal([31.5, 31.5, 0], Setpoints(reserved: true));
    }

    [Fact]
    public void A_charging_vehicle_is_never_paused_for_an_empty_reserved_station_whose_share_is_held_once_one_leaves()
    {
        var h = new AllocatorHarness(SiteOf(12, ThreePhase("a"), ThreePhase("b"), ThreePhase("reserved"), ThreePhase("d")));
        h.Plug(0, PhaseSet.AllThree);
        h.Plug(1, PhaseSet.AllThree);
        h.Run();
        h.Demands[2] = h.Demands[2] with { HeldForReservation = true };
        h.Time.Advance(TimeSpan.FromSeconds(1));
        h.Run();
        Assert.Equal((6, 6), (h.Setpoint(0), h.Setpoint(1)));
        Assert.Equal(LimitKind.Idle, h.Last.LimitedBy[2].Kind); // no room for the share yet

        h.Unplug(1);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        h.Plug(3, PhaseSet.AllThree);
        h.Run();
        Assert.Equal((true, 0), (h.Setpoint(0) >= 6, h.Setpoint(3)));
        Assert.Equal((LimitKind.Reservation, LimitKind.Reservation), (h.Last.LimitedBy[2].Kind, h.Last.LimitedBy[3].Kind));
    }

    [Fact]
    public void The_reserving_vehicle_goes_ahead_of_the_queue_when_its_share_could_not_be_held()
    {
        // 12 A: two at 6 A. The reserving vehicle comes while the share could not be held (two charge): it is first in the
        // queue, ahead of a vehicle that waits longer (a charge is never paused for it outside the rotation).
        var h = new AllocatorHarness(SiteOf(12, ThreePhase("a"), ThreePhase("b"), ThreePhase("reserved"), ThreePhase("d")));
        h.Plug(0, PhaseSet.AllThree);
        h.Plug(1, PhaseSet.AllThree);
        h.Run();
        h.Time.Advance(TimeSpan.FromSeconds(1));
        h.Plug(3, PhaseSet.AllThree);
        h.Demands[2] = h.Demands[2] with { HeldForReservation = true };
        h.Run();
        h.Time.Advance(TimeSpan.FromSeconds(1));
        h.Plug(2, PhaseSet.AllThree);
        h.Demands[2] = h.Demands[2] with { HeldForReservation = false };
        h.Run();
        Assert.Equal([2, 3], h.Last.Queue);
    }

    /// <summary>
    /// Over random sites of identical three-phase stations: a reserved station whose share was held lets its vehicle start
    /// in the very next cycle, however many wait, and the vehicles already charging are never paused for it.
    /// </summary>
    [Property(MaxTest = 60)]
    public void A_vehicle_at_a_reserved_station_whose_share_was_held_starts_in_the_next_cycle(byte vehicles, byte capacitySlots, byte waiting)
    {
        var n = 3 + (vehicles % 10);
        var slots = 1 + (capacitySlots % (n - 1));
        var h = new AllocatorHarness(new SiteSettings
        {
            MaxCurrentA = 6 * slots,
            ChargePoints = [.. Enumerable.Range(0, n).Select(i => new ChargePointSettings { Id = $"cp{i}", MaxCurrentA = 32 })],
        });
        h.Demands[0] = h.Demands[0] with { HeldForReservation = true };
        var early = 1 + (waiting % (n - 1));
        for (var i = 1; i <= early; i++)
        {
            h.Plug(i, PhaseSet.AllThree);
        }

        h.Run();
        var charging = Enumerable.Range(1, n - 1).Where(i => h.Setpoint(i) > 0).ToList();
        for (var i = early + 1; i < n; i++)
        {
            h.Plug(i, PhaseSet.AllThree);
        }

        h.Time.Advance(TimeSpan.FromSeconds(1));
        h.Run();
        var held = h.Last.LimitedBy[0].Kind == LimitKind.Reservation;
        Assert.Equal(charging.Count < slots, held);
        Assert.All(charging, i => Assert.True(h.Setpoint(i) > 0));

        h.Time.Advance(TimeSpan.FromSeconds(1));
        h.Plug(0, PhaseSet.AllThree);
        h.Demands[0] = h.Demands[0] with { HeldForReservation = false };
        h.Run();
        Assert.Equal(held, h.Setpoint(0) > 0);
        Assert.All(charging, i => Assert.True(h.Setpoint(i) > 0));
    }
}
