using System.Globalization;
using OpenCpm.Control;
using OpenCpm.Core.ChargePoints;
using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.Ocpp;

/// <summary>
/// The OCPP 1.6 status of a connector (ocpp.md §1.6) from the controller's view of its charge point:
/// <list type="bullet">
/// <item>a station the controller cannot reach: Faulted, error OtherError, info "station not reachable" (never
/// Available: the backend must not send drivers there); a station reporting a fault: Faulted, its error code as the
/// vendor error code;</item>
/// <item>during a transaction: Charging while current flows; SuspendedEV when the vehicle does not take what is
/// offered; SuspendedEVSE when the controller gives it nothing (queued by the load manager, paused, the idTag refused
/// by the backend, the network limit);</item>
/// <item>without one: Finishing after a transaction while the vehicle is still plugged; Preparing while a plugged
/// vehicle waits for a card, or a remote start waits for its vehicle; Unavailable when taken out of service; Reserved while a backend's reservation holds it; else Available.</item>
/// </list>
/// </summary>
internal static class ConnectorStatusMapping
{
    /// <summary>The status of one connector; null while it is not known yet (a station not heard since start-up, within the grace).</summary>
    public static ConnectorStatus? Of(ChargePointSnapshot chargePoint, ConnectorView view)
    {
        ArgumentNullException.ThrowIfNull(chargePoint);
        ArgumentNullException.ThrowIfNull(view);
        var s = chargePoint.Status;
        if (chargePoint.Driver is null || !s.Online || s.State == ChargePointState.Offline)
        {
            return view.WithinGrace && s.LastSeen is null
                ? null
                : new ConnectorStatus(ChargePointStatus.Faulted, ChargePointErrorCode.OtherError, "station not reachable", "Offline");
        }

        if (s.State == ChargePointState.Error)
        {
            return new ConnectorStatus(ChargePointStatus.Faulted, ChargePointErrorCode.OtherError, "station reports a fault", s.ErrorCode.ToString(CultureInfo.InvariantCulture));
        }

        if (view.InTransaction)
        {
            return new ConnectorStatus(chargePoint.State switch
            {
                ChargePointState.Charging => ChargePointStatus.Charging,
                ChargePointState.SuspendedByEv => ChargePointStatus.SuspendedEV,
                ChargePointState.Connected when !view.SuspendedByInvalidId && s.OfferedCurrentA > 0 => ChargePointStatus.SuspendedEV,
                ChargePointState.Idle => ChargePointStatus.Finishing,
                _ => ChargePointStatus.SuspendedEVSE,
            }, ChargePointErrorCode.NoError);
        }

        if (s.VehiclePlugged)
        {
            return new ConnectorStatus(view.Finished ? ChargePointStatus.Finishing : ChargePointStatus.Preparing, ChargePointErrorCode.NoError);
        }

        return view.OutOfService ? new ConnectorStatus(ChargePointStatus.Unavailable, ChargePointErrorCode.NoError)
            : view.AwaitingVehicle ? new ConnectorStatus(ChargePointStatus.Preparing, ChargePointErrorCode.NoError)
            : view.Reserved ? new ConnectorStatus(ChargePointStatus.Reserved, ChargePointErrorCode.NoError)
            : ConnectorStatus.Available;
    }

    /// <summary>Connector 0, the network: Unavailable when taken out of service, else Available.</summary>
    public static ConnectorStatus Network(bool outOfService) =>
        outOfService ? new ConnectorStatus(ChargePointStatus.Unavailable, ChargePointErrorCode.NoError) : ConnectorStatus.Available;
}
