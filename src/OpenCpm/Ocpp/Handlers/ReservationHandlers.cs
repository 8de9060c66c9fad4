using OpenCpm.Authorization;
using OpenCpm.Core.Reservations;
using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;
using OpenCpm.Settings;

namespace OpenCpm.Ocpp.Handlers;

/// <summary>
/// The Reservation profile: ReserveNow (a connector 1…N, or 0: any connector, ReserveConnectorZeroSupported is true)
/// and CancelReservation, kept by <see cref="ChargePointReservations"/>. Each connector's state comes from the status it
/// would report now (<see cref="StatusReporter"/>); the whole network taken out of service makes every one Unavailable.
/// </summary>
internal sealed class ReservationHandlers(ChargePointReservations reservations, StatusReporter statuses, SettingsService settings) : IOcppHandlers
{
    public void Register(OcppRouter router)
    {
        ArgumentNullException.ThrowIfNull(router);
        router.On<ReserveNowRequest, ReserveNowResponse>(ReserveNowAsync);
        router.On<CancelReservationRequest, CancelReservationResponse>(async (request, context) => new CancelReservationResponse
        {
            Status = await reservations.CancelAsync(request.ReservationId, context.CancellationToken) ? CancelReservationStatus.Accepted : CancelReservationStatus.Rejected,
        });
    }

    private async ValueTask<ReserveNowResponse> ReserveNowAsync(ReserveNowRequest request, OcppCallContext context)
    {
        var count = new OcppConnectors(settings.Current.Site).Count;
        var connectors = Enumerable.Range(1, count).Select(c => Occupancy(statuses.StatusOf(c)?.Status)).ToList();
        var reservation = new Reservation(request.ReservationId, request.ConnectorId, request.IdTag, request.ParentIdTag, request.ExpiryDate);
        return new ReserveNowResponse
        {
            Status = await reservations.ReserveAsync(reservation, connectors, context.CancellationToken) switch
            {
                ReservationAnswer.Accepted => ReservationStatus.Accepted,
                ReservationAnswer.Faulted => ReservationStatus.Faulted,
                ReservationAnswer.Occupied => ReservationStatus.Occupied,
                ReservationAnswer.Unavailable => ReservationStatus.Unavailable,
                _ => ReservationStatus.Rejected,
            },
        };
    }

    /// <summary>A connector whose status is not known yet (just after start-up) counts as Faulted: the controller cannot vouch for it.</summary>
    private static ConnectorOccupancy Occupancy(ChargePointStatus? status) => status switch
    {
        ChargePointStatus.Available or ChargePointStatus.Reserved => ConnectorOccupancy.Free,
        ChargePointStatus.Unavailable => ConnectorOccupancy.Unavailable,
        ChargePointStatus.Faulted or null => ConnectorOccupancy.Faulted,
        _ => ConnectorOccupancy.Occupied,
    };
}
