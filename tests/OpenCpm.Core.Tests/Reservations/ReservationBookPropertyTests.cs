using FsCheck.Xunit;
using OpenCpm.Core.Reservations;

namespace OpenCpm.Core.Tests.Reservations;

public sealed class ReservationBookPropertyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Any sequence of ReserveNow, CancelReservation, transaction starts and clock steps (each int decodes one step)
    /// keeps the book sound: reservation ids unique, at most one reservation per connector, only connectors 1…4, and a
    /// ReserveNow is in the book exactly when it was Accepted.
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
                    var (answer, next) = book.Reserve(request, (ConnectorOccupancy)((v >> 14) % 4), 4, now);
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
                    book = book.Expire(now);
                    break;
            }

            var held = book.All.Where(r => r.HoldsAt(now)).ToList();
            Assert.Equal(book.All.Count, book.All.Select(r => r.Id).Distinct().Count());
            Assert.Equal(held.Count, held.Select(r => r.ConnectorId).Distinct().Count());
            Assert.All(book.All, r => Assert.InRange(r.ConnectorId, 1, 4));
        }
    }
}
