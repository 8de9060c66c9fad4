namespace OpenCpm.Core.Reservations;

/// <summary>What a connector is doing when a reservation is asked for or placed (from its OCPP status).</summary>
public enum ConnectorOccupancy
{
    /// <summary>Available: nothing plugged, in service, working.</summary>
    Free,

    /// <summary>Preparing, Charging, Suspended or Finishing: a vehicle or a transaction is there.</summary>
    Occupied,

    /// <summary>Faulted (or a station the controller cannot reach).</summary>
    Faulted,

    /// <summary>Unavailable: taken out of service.</summary>
    Unavailable,
}
