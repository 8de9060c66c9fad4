namespace OpenCpm.Core.ChargePoints;

/// <summary>
/// What a charge point is doing, as the controller sees it (shared/specs/interfaces.md, charge point <c>state</c>).
/// Drivers map their protocol's states onto these; <see cref="Queued"/> is set by the controller, never by a driver.
/// </summary>
public enum ChargePointState
{
    /// <summary>No vehicle plugged in.</summary>
    Idle,

    /// <summary>A vehicle is plugged in but not charging yet (waiting for authorization or for current).</summary>
    Connected,

    /// <summary>Current is flowing.</summary>
    Charging,

    /// <summary>The vehicle was offered current and does not take it (full, paused by the vehicle).</summary>
    SuspendedByEv,

    /// <summary>The controller (or the station's own enable/limit) gives this vehicle no current.</summary>
    SuspendedByController,

    /// <summary>Waiting in the load-management queue for its turn (section 4 of load-management.md).</summary>
    Queued,

    /// <summary>The station reports a fault.</summary>
    Error,

    /// <summary>The controller can't reach the station.</summary>
    Offline,
}
