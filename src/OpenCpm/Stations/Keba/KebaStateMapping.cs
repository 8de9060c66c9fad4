using OpenCpm.Core.ChargePoints;
using OpenCpm.Protocols.Keba;

namespace OpenCpm.Stations.Keba;

/// <summary>KEBA State/Plug/Enable sys/Max curr → the controller's <see cref="ChargePointState"/>.</summary>
public static class KebaStateMapping
{
    /// <param name="report">The latest report 2 (with push messages applied).</param>
    /// <param name="online">Whether the station answers.</param>
    /// <param name="chargedThisSession">Whether current flowed since the vehicle was plugged in, which tells "EV paused" from "not started yet".</param>
    public static ChargePointState Map(KebaReport2? report, bool online, bool chargedThisSession)
    {
        if (!online || report is null)
        {
            return ChargePointState.Offline;
        }

        if (report.State == 4)
        {
            return ChargePointState.Error;
        }

        if (report.State == 3)
        {
            return ChargePointState.Charging;
        }

        if (!report.VehiclePlugged)
        {
            return ChargePointState.Idle;
        }

        return report.State switch
        {
            // Ready, pilot offered: the vehicle does not take it (yet).
            2 when report.MaxCurrentMilliA > 0 => chargedThisSession ? ChargePointState.SuspendedByEv : ChargePointState.Connected,
            2 => report.EnableSys == 1 ? ChargePointState.Connected : ChargePointState.SuspendedByController,

            // Interrupted: by a voter of the station (ena 0, currtime 0, energy limit, failsafe) or by the vehicle.
            5 => report.EnableSys == 1 && report.MaxCurrentMilliA > 0 ? ChargePointState.SuspendedByEv : ChargePointState.SuspendedByController,

            // 0 starting up, 1 not ready (e.g. waiting for authorization).
            _ => ChargePointState.Connected,
        };
    }
}
