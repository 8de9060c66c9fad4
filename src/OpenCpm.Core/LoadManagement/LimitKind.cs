namespace OpenCpm.Core.LoadManagement;

/// <summary>The kind of limit that bound a setpoint (see <see cref="LimitReason"/> for the operator's wording).</summary>
public enum LimitKind : byte
{
    /// <summary>No vehicle, so nothing to allocate.</summary>
    Idle,

    /// <summary>A vehicle is plugged in but not authorized to charge.</summary>
    Authorization,

    /// <summary>The station reports an error.</summary>
    Error,

    /// <summary>The station can't be reached; its failsafe or last current is reserved.</summary>
    Offline,

    /// <summary>The charge point's own maximum (cable, installation).</summary>
    ChargePoint,

    /// <summary>The station's hardware (DIP switches) reports a lower maximum.</summary>
    Hardware,

    /// <summary>The vehicle takes less (or nothing), so the rest goes to others.</summary>
    Vehicle,

    /// <summary>An OCPP charging profile for this connector.</summary>
    Ocpp,

    /// <summary>A limit sent over the REST/UDP API.</summary>
    Api,

    /// <summary>The user's charging preference for this station.</summary>
    UserPreference,

    /// <summary>The grid connection's maximum current on a phase.</summary>
    Site,

    /// <summary>Meter headroom: site limit minus the household load measured on a phase.</summary>
    Meter,

    /// <summary>The maximum charging power of the site.</summary>
    SitePower,

    /// <summary>The meter is lost; the fallback power set for that case applies.</summary>
    MeterFallback,

    /// <summary>The meter is lost and no fallback power is set (empty or 0): charging stops until it is back (manual 9.4.3).</summary>
    MeterLost,

    /// <summary>An OCPP charging profile for connector 0 (the whole network).</summary>
    OcppSite,

    /// <summary>A site-wide limit sent over the API.</summary>
    ApiSite,

    /// <summary>A cluster fuse on a phase.</summary>
    Cluster,

    /// <summary>The unbalanced-load limit between phases.</summary>
    UnbalancedLoad,

    /// <summary>Waiting in the queue for its turn.</summary>
    Queue,

    /// <summary>
    /// A reservation holds a minimum current back for a reserved station while current is short: on that station (no
    /// vehicle yet), and on a queued vehicle that would have started without it.
    /// </summary>
    Reservation,

    /// <summary>
    /// Admitted on the phases its vehicle likely uses (remembered, not yet seen): held at its minimum current until it
    /// draws and shows its phases, so a wrong guess costs at most the minimum on a phase.
    /// </summary>
    LikelyPhases,
}
