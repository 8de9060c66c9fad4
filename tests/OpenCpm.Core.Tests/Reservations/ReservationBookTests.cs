using OpenCpm.Core.Reservations;

namespace OpenCpm.Core.Tests.Reservations;

public sealed class ReservationBookTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static Reservation For(int id, int connector, string idTag = "AAAA", string? parent = null, double minutes = 30) =>
        new(id, connector, idTag, parent, Now.AddMinutes(minutes));

    private static ReservationBook With(params Reservation[] reservations) =>
        reservations.Aggregate(ReservationBook.Empty, (book, r) => book.Reserve(r, ConnectorOccupancy.Free, 4, Now).Book);

    [Theory]
    [InlineData(ConnectorOccupancy.Free, ReservationAnswer.Accepted)]
    [InlineData(ConnectorOccupancy.Occupied, ReservationAnswer.Occupied)]
    [InlineData(ConnectorOccupancy.Faulted, ReservationAnswer.Faulted)]
    [InlineData(ConnectorOccupancy.Unavailable, ReservationAnswer.Unavailable)]
    public void The_connector_state_decides_the_answer(ConnectorOccupancy occupancy, ReservationAnswer expected)
    {
        var (answer, book) = ReservationBook.Empty.Reserve(For(1, 2), occupancy, 4, Now);
        Assert.Equal(expected, answer);
        Assert.Equal(expected == ReservationAnswer.Accepted, book.At(2, Now) is not null);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(-1)]
    public void Unknown_connectors_are_rejected(int connector) =>
        Assert.Equal(ReservationAnswer.Rejected, ReservationBook.Empty.Reserve(For(1, connector), ConnectorOccupancy.Free, 4, Now).Answer);

    [Fact]
    public void A_reservation_ends_when_its_connector_is_unusable_and_one_for_connector_zero_only_when_every_connector_is()
    {
        var book = With(For(1, 1), For(2, 2), For(3, 0));

        var (ended, after) = book.EndAt(new HashSet<int> { 2, 3 }, 4);
        Assert.Equal([2], ended.Select(r => r.Id));
        Assert.Equal([1, 3], after.All.Select(r => r.Id));

        (ended, after) = book.EndAt(new HashSet<int> { 1, 2, 3, 4 }, 4);
        Assert.Equal([1, 2, 3], ended.Select(r => r.Id));
        Assert.Empty(after.All);

        (ended, after) = book.EndAt(new HashSet<int> { 4 }, 4);
        Assert.Empty(ended);
        Assert.Same(book, after);
    }

    [Fact]
    public void A_reservation_that_has_already_expired_is_rejected() =>
        Assert.Equal(ReservationAnswer.Rejected, ReservationBook.Empty.Reserve(For(1, 1, minutes: 0), ConnectorOccupancy.Free, 4, Now).Answer);

    [Fact]
    public void The_same_reservation_id_replaces_its_reservation_even_on_another_connector()
    {
        var book = With(For(1, 1, "AAAA"));
        var (answer, next) = book.Reserve(For(1, 3, "BBBB"), ConnectorOccupancy.Free, 4, Now);
        Assert.Equal(ReservationAnswer.Accepted, answer);
        Assert.Null(next.At(1, Now));
        Assert.Equal("BBBB", next.At(3, Now)!.IdTag);
        Assert.Single(next.All);
    }

    [Fact]
    public void A_connector_reserved_by_another_reservation_is_occupied()
    {
        var book = With(For(1, 1));
        Assert.Equal(ReservationAnswer.Occupied, book.Reserve(For(2, 1), ConnectorOccupancy.Free, 4, Now).Answer);
        Assert.Equal(ReservationAnswer.Accepted, book.Reserve(For(2, 1, minutes: 60), ConnectorOccupancy.Free, 4, Now.AddMinutes(31)).Answer);
    }

    [Fact]
    public void Cancel_removes_a_held_reservation_and_refuses_an_unknown_or_expired_one()
    {
        var book = With(For(1, 1), For(2, 2, minutes: 5));
        var cancelled = book.Cancel(1, Now);
        Assert.NotNull(cancelled);
        Assert.Null(cancelled.At(1, Now));
        Assert.Null(cancelled.Cancel(1, Now));
        Assert.Null(book.Cancel(99, Now));
        Assert.Null(book.Cancel(2, Now.AddMinutes(5)));
    }

    [Fact]
    public void The_reserving_card_or_one_with_its_parent_uses_the_reservation_and_another_card_does_not()
    {
        var book = With(For(7, 1, "AAAA", parent: "PARENT"));
        Assert.Null(book.Use(1, "BBBB", null, Now).Used);
        Assert.Null(book.Use(1, "BBBB", "OTHER", Now).Used);
        Assert.Null(book.Use(2, "AAAA", null, Now).Used);
        Assert.Equal(7, book.Use(1, "BBBB", "parent", Now).Used?.Id);
        var (used, after) = book.Use(1, "aaaa", null, Now);
        Assert.Equal(7, used?.Id);
        Assert.Empty(after.All);
    }

    [Fact]
    public void A_reservation_without_a_parent_admits_only_its_own_card() =>
        Assert.False(For(1, 1, "AAAA").Admits("BBBB", null));

    [Fact]
    public void Expiry_drops_only_the_reservations_whose_time_has_come()
    {
        var book = With(For(1, 1, minutes: 5), For(2, 2, minutes: 10));
        Assert.Equal(Now.AddMinutes(5), book.NextExpiry);
        Assert.Same(book, book.Expire(Now.AddMinutes(4)));
        var later = book.Expire(Now.AddMinutes(5));
        Assert.Equal([2], later.All.Select(r => r.Id));
        Assert.Equal(Now.AddMinutes(10), later.NextExpiry);
        Assert.Null(ReservationBook.Empty.NextExpiry);
    }

    private static ConnectorOccupancy[] Connectors(params ConnectorOccupancy[] states) => states;

    private const ConnectorOccupancy F = ConnectorOccupancy.Free;
    private const ConnectorOccupancy O = ConnectorOccupancy.Occupied;

    [Fact]
    public void A_connector_zero_reservation_is_placed_on_the_highest_free_connector_and_holds_it_for_its_card()
    {
        var (answer, book) = ReservationBook.Empty.Reserve(For(1, 0, "AAAA"), Connectors(F, F, O), Now);
        Assert.Equal(ReservationAnswer.Accepted, answer);
        Assert.Equal(1, book.At(2, Now)?.Id);
        Assert.Null(book.At(1, Now));
        Assert.Null(book.At(3, Now));
    }

    [Fact]
    public void A_vehicle_at_the_placed_connector_moves_the_reservation_to_another_free_one_but_not_off_the_last_one()
    {
        var book = ReservationBook.Empty.Reserve(For(1, 0), Connectors(F, F), Now).Book;
        Assert.Equal(1, book.At(2, Now)?.Id);

        var moved = book.Place(Connectors(F, O), Now);
        Assert.Equal(1, moved.At(1, Now)?.Id);
        Assert.Null(moved.At(2, Now));

        // Now the last free connector is taken too: the reservation stays on it, held for its card.
        var stays = moved.Place(Connectors(O, O), Now);
        Assert.Same(moved, stays);
        Assert.Equal(1, stays.At(1, Now)?.Id);
        Assert.Same(stays, stays.Place(Connectors(O, O), Now));
    }

    [Fact]
    public void A_placed_reservation_keeps_its_free_connector_when_another_one_frees_up()
    {
        var book = ReservationBook.Empty.Reserve(For(1, 0), Connectors(O, F, O), Now).Book;
        Assert.Equal(1, book.At(2, Now)?.Id);
        Assert.Same(book, book.Place(Connectors(F, F, F), Now));
    }

    [Theory]
    [InlineData(ConnectorOccupancy.Occupied, ConnectorOccupancy.Occupied, ReservationAnswer.Occupied)]
    [InlineData(ConnectorOccupancy.Faulted, ConnectorOccupancy.Faulted, ReservationAnswer.Faulted)]
    [InlineData(ConnectorOccupancy.Unavailable, ConnectorOccupancy.Unavailable, ReservationAnswer.Unavailable)]
    [InlineData(ConnectorOccupancy.Faulted, ConnectorOccupancy.Unavailable, ReservationAnswer.Faulted)]
    [InlineData(ConnectorOccupancy.Occupied, ConnectorOccupancy.Faulted, ReservationAnswer.Occupied)]
    public void A_connector_zero_reservation_without_a_free_connector_answers_why(ConnectorOccupancy first, ConnectorOccupancy second, ReservationAnswer expected)
    {
        var (answer, book) = ReservationBook.Empty.Reserve(For(1, 0), Connectors(first, second), Now);
        Assert.Equal(expected, answer);
        Assert.Empty(book.All);
    }

    [Fact]
    public void Each_connector_zero_reservation_needs_its_own_free_connector_and_a_connector_reservation_cannot_take_the_last_one()
    {
        var book = ReservationBook.Empty.Reserve(For(1, 0, "AAAA"), Connectors(F, F), Now).Book;
        var (second, two) = book.Reserve(For(2, 0, "BBBB"), Connectors(F, F), Now);
        Assert.Equal(ReservationAnswer.Accepted, second);
        Assert.Equal((1, 2), (two.At(2, Now)?.Id, two.At(1, Now)?.Id));
        Assert.Equal(ReservationAnswer.Occupied, two.Reserve(For(3, 0, "CCCC"), Connectors(F, F), Now).Answer);
        Assert.Equal(ReservationAnswer.Occupied, two.Reserve(For(3, 1, "CCCC"), Connectors(F, F), Now).Answer);

        // With one connector-0 reservation and two free connectors, reserving the one it is placed on moves it.
        var (specific, moved) = book.Reserve(For(3, 2, "CCCC"), Connectors(F, F), Now);
        Assert.Equal(ReservationAnswer.Accepted, specific);
        Assert.Equal((3, 1), (moved.At(2, Now)?.Id, moved.At(1, Now)?.Id));
    }

    [Fact]
    public void A_transaction_of_the_card_at_any_connector_uses_a_connector_zero_reservation_unless_that_connector_is_reserved_for_another()
    {
        var book = ReservationBook.Empty.Reserve(For(1, 0, "AAAA", parent: "FLEET"), Connectors(F, F, F), Now).Book
            .Reserve(For(2, 1, "BBBB"), Connectors(F, F, F), Now).Book;
        Assert.Null(book.Use(1, "AAAA", null, Now).Used);
        Assert.Null(book.Use(2, "CCCC", null, Now).Used);
        var (used, after) = book.Use(2, "DDDD", "fleet", Now);
        Assert.Equal(1, used?.Id);
        Assert.Equal([2], after.All.Select(r => r.Id));
        Assert.Null(after.At(3, Now));
    }

    [Fact]
    public void Cancel_and_expiry_free_the_connector_a_connector_zero_reservation_was_placed_on()
    {
        var book = ReservationBook.Empty.Reserve(For(1, 0, minutes: 5), Connectors(F, F), Now).Book;
        Assert.Null(book.Cancel(1, Now)!.At(2, Now));
        Assert.Null(book.Expire(Now.AddMinutes(5)).At(2, Now));
        Assert.Null(book.At(2, Now.AddMinutes(5)));
    }

    [Fact]
    public void A_restored_connector_zero_reservation_is_placed_again()
    {
        var book = ReservationBook.Empty.Restore(For(1, 0));
        Assert.Null(book.At(2, Now));
        Assert.Equal(1, book.Place(Connectors(F, F), Now).At(2, Now)?.Id);
    }
}
