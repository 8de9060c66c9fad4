using OpenCpm.Core.ChargePoints;

namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// What the controller knows of one charge point at the start of an allocation cycle. The caller keeps one
/// per configured charge point, in the order of <see cref="SiteSettings.ChargePoints"/>, and updates it in place.
/// </summary>
public readonly record struct ChargePointDemand
{
    public ChargePointState State { get; init; }

    /// <summary>False while the vehicle waits for an authorization (RFID, backend).</summary>
    public bool Authorized { get; init; }

    /// <summary>Current measured on each station conductor (station L1..L3, before the wiring rotation).</summary>
    public PhaseCurrents MeasuredCurrentA { get; init; }

    /// <summary>
    /// Where the current on each station conductor may lie right now, when the measurement alone does not say: a
    /// setpoint change sent after the measurement may be taking effect (<see cref="SetpointTransitions"/>). Null =
    /// exactly <see cref="MeasuredCurrentA"/>. The household estimate takes the band into account, a vehicle counts
    /// as drawing less than it was offered only when even the band's top says so, and an increase is sent only when
    /// it fits with every reduction still on its way counted at the band's top.
    /// </summary>
    public CurrentBand? MeasuredBandA { get; init; }

    /// <summary>
    /// The most current the vehicle may still draw until the setpoint changes on their way have shown (a reduction's
    /// old current, <see cref="SetpointTransitions.StillMayDrawA"/>); null = none on their way. An increase elsewhere
    /// is sent only when it fits with this station counted at it.
    /// </summary>
    public double? StillMayDrawA { get; init; }

    /// <summary>The station conductors the vehicle is known to use; empty = not known yet (assume all wired).</summary>
    public PhaseSet VehiclePhases { get; init; }

    /// <summary>
    /// The station conductors the vehicle likely uses while <see cref="VehiclePhases"/> is still empty: what the same
    /// card's vehicle, or the station's last session, used (<see cref="VehicleMemory"/>). Empty = no idea. A vehicle
    /// that does not fit when counted on all wired phases is admitted on these; once it draws, its detected phases
    /// count, and the unbalanced-load limit is always checked for whatever it may turn out to use.
    /// </summary>
    public PhaseSet LikelyVehiclePhases { get; init; }

    /// <summary>
    /// The least current this vehicle is known to start at (learned in an earlier session, see
    /// <see cref="Allocation.LearnedMinimumA"/>); null = the site's minimum charging current.
    /// </summary>
    public double? MinimumCurrentA { get; init; }

    /// <summary>The setpoint the station currently has (last one sent and acknowledged).</summary>
    public double CommandedSetpointA { get; init; }

    /// <summary>Maximum reported by the station hardware (DIP switches, cable); null = unknown.</summary>
    public double? HardwareLimitA { get; init; }

    /// <summary>An OCPP charging profile limit for this connector; null = none.</summary>
    public double? OcppLimitA { get; init; }

    /// <summary>A limit set over the API; null = none.</summary>
    public double? ApiLimitA { get; init; }

    /// <summary>The user's charging preference; null = none.</summary>
    public double? UserLimitA { get; init; }

    /// <summary>
    /// A backend's reservation holds the charge point for a card (OCPP ReserveNow). While no vehicle there wants current,
    /// its minimum current is held back from the queue (not from the vehicles charging, who share it as before), so the
    /// reserving vehicle starts at once when it comes; that vehicle is then served before the queue.
    /// </summary>
    public bool HeldForReservation { get; init; }

    public static ChargePointDemand Idle => new() { State = ChargePointState.Idle, Authorized = true };
}
