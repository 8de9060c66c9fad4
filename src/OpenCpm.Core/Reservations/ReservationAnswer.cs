namespace OpenCpm.Core.Reservations;

/// <summary>The answer to a ReserveNow (OCPP 1.6 ReservationStatus).</summary>
public enum ReservationAnswer
{
    Accepted,
    Faulted,
    Occupied,
    Rejected,
    Unavailable,
}
