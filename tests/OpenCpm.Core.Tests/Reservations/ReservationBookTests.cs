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
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    public void Connector_zero_and_unknown_connectors_are_rejected(int connector) =>
        Assert.Equal(ReservationAnswer.Rejected, ReservationBook.Empty.Reserve(For(1, connector), ConnectorOccupancy.Free, 4, Now).Answer);

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
}
