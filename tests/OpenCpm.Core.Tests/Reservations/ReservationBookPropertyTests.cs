using FsCheck.Xunit;
using OpenCpm.Core.Reservations;

namespace OpenCpm.Core.Tests.Reservations;

public sealed class ReservationBookPropertyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Any sequence of ReserveNow, CancelReservation, transaction starts and clock steps (each int decodes one step)
    /// keeps the book sound: reservation ids unique, at most one reservation holding each connector (its own or a
    /// connector-0 one placed there), only connectors 0…4, every connector-0 reservation placed on a connector when a
    /// free one is left for it, and a ReserveNow is in the book exactly when it was Accepted.
    /// </summary>
    [Property(MaxTest = 300)]
    public void Any_sequence_of_steps_keeps_one_reservation_per_connector_and_per_id(int[] steps)
    {
        var book = ReservationBook.Empty;
        var now = T0;
        foreach (var step in steps ?? [])
        {
            var v = step & int.MaxValue;
            var (id, connector, minutes) = ((v >> 2) % 5, ((v >> 5) % 6) - 1, (v >> 8) % 60);
            switch (v & 3)
            {
                case 0:
                    var request = new Reservation(id, connector, $"TAG{id}", null, now.AddMinutes(minutes));
                    var (answer, next) = book.Reserve(request, States(v >> 14), now);
                    Assert.Equal(answer == ReservationAnswer.Accepted, next.All.Contains(request));
                    book = next;
                    break;
                case 1:
                    book = book.Cancel(id, now) ?? book;
                    break;
                case 2:
                    book = book.Use(connector, $"TAG{id}", null, now).Book;
                    break;
                default:
                    now = now.AddMinutes(minutes);
                    var states = States(v >> 14);
                    book = book.Expire(now).Place(states, now);
                    var zeros = book.All.Count(r => r.ConnectorId == 0);
                    var free = Enumerable.Range(1, 4).Count(c => states[c - 1] == ConnectorOccupancy.Free && !book.All.Exists(r => r.ConnectorId == c));
                    Assert.True(free < zeros || book.All.TrueForAll(r => book.PlacedAt(r) != 0), "every connector-0 reservation has a free connector");
                    break;
            }

            var held = book.All.Where(r => r.HoldsAt(now)).ToList();
            Assert.Equal(book.All.Count, book.All.Select(r => r.Id).Distinct().Count());
            var places = held.Select(book.PlacedAt).Where(c => c != 0).ToList();
            Assert.Equal(places.Count, places.Distinct().Count());
            Assert.All(held.Where(r => book.PlacedAt(r) != 0), r => Assert.Same(r, book.At(book.PlacedAt(r), now)));
            Assert.All(book.All, r => Assert.InRange(r.ConnectorId, 0, 4));
        }
    }

    /// <summary>Four connector states decoded from <paramref name="bits"/> (two bits each; mostly free).</summary>
    private static ConnectorOccupancy[] States(int bits) =>
        [.. Enumerable.Range(0, 4).Select(k => (ConnectorOccupancy)((bits >> (2 * k)) & 3))];
}
