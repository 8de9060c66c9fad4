using OpenCpm.Data;

namespace OpenCpm.Stations;

/// <summary>
/// One station protocol (KEBA UDP today, OCPP next) as a plug-in: it owns its transport, finds its stations on the
/// network and creates the driver of every configured charge point that speaks it. The controller, discovery and the
/// API know protocols only through this seam; nothing protocol-specific lives outside the protocol's own folders.
/// </summary>
internal interface IStationProtocol
{
    StationDriverKind Kind { get; }

    /// <summary>Why the protocol can't serve its stations (its transport did not start); null while it can.</summary>
    string? Problem { get; }

    /// <summary>Starts the transport. A failure is reported through <see cref="Problem"/>, never thrown.</summary>
    void Start();

    /// <summary>
    /// The driver of a configured charge point, or a sentence saying why there is none (the charge point then counts
    /// as unreachable, with its failsafe current reserved). The caller runs and stops the driver.
    /// </summary>
    StationDriverResult CreateDriver(ChargePointInstallation installation);

    /// <summary>Searches the local network once for stations of this protocol.</summary>
    Task<IReadOnlyList<DiscoveredStation>> DiscoverAsync(DiscoverySettings settings, CancellationToken cancellationToken);
}
