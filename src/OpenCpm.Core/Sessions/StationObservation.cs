using OpenCpm.Core.ChargePoints;

namespace OpenCpm.Core.Sessions;

/// <summary>What the controller knows of one charge point at one moment, as far as sessions are concerned.</summary>
public sealed record StationObservation
{
    /// <summary>The station answers and its state is known.</summary>
    public bool Reachable { get; init; }

    public bool VehiclePlugged { get; init; }

    public bool Authorized { get; init; }

    public bool AuthorizationRequired { get; init; }

    public ChargePointState State { get; init; } = ChargePointState.Offline;

    /// <summary>The station's energy meter (lifetime total); 0 when it has none.</summary>
    public double TotalEnergyWh { get; init; }

    /// <summary>The energy of the station's running session.</summary>
    public double SessionEnergyWh { get; init; }

    /// <summary>What the station is has been read (until then, whether it keeps a log is not known).</summary>
    public bool IdentityKnown { get; init; }

    /// <summary>The station keeps a log of its sessions that the controller can read.</summary>
    public bool KeepsLog { get; init; }

    /// <summary>The card or token the controller authorized the running session under (null: none, or not decided by the controller).</summary>
    public string? AuthorizedIdTag { get; init; }

    /// <summary>The station's meter (its total), or for a station without a meter the start plus the session's energy.</summary>
    public double ReadingWh(double meterStartWh) => TotalEnergyWh > 0 ? TotalEnergyWh : meterStartWh + SessionEnergyWh;
}
