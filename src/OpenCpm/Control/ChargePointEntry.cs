using OpenCpm.Core.ChargePoints;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Data;
using OpenCpm.Stations;

namespace OpenCpm.Control;

/// <summary>
/// One charge point as the controller runs it: its installation, its driver, and what the last allocation decided.
/// Read by the API and the UI; written only by the <see cref="SiteController"/> loop.
/// </summary>
internal sealed class ChargePointEntry(ChargePointInstallation installation, IStationDriver? driver)
{
    public ChargePointInstallation Installation { get; set; } = installation;

    /// <summary>The station's driver; null when its protocol is not available (it is then treated as offline).</summary>
    public IStationDriver? Driver { get; } = driver;

    public string Id => Installation.Id;

    public StationStatus Status => Driver?.Status ?? new StationStatus { ChargePointId = Installation.Id };

    /// <summary>The setpoint the last allocation computed.</summary>
    public double SetpointA { get; set; }

    /// <summary>The setpoint the station acknowledged last (null until the controller sent one).</summary>
    public double? CommandedA { get; set; }

    /// <summary>
    /// The setpoint of a command on its way to the station (null when none): until it is answered the station may
    /// already apply it, so planning counts the higher of this and <see cref="CommandedA"/>.
    /// </summary>
    public double? CommandInFlightA { get; set; }

    public LimitReason LimitedBy { get; set; } = LimitReason.Of(LimitKind.Idle);

    /// <summary>The state to show: the driver's, or Queued when the load manager makes the vehicle wait.</summary>
    public ChargePointState State { get; set; } = ChargePointState.Offline;

    /// <summary>
    /// Set when the station did not acknowledge a setpoint: it is treated as unreachable (its failsafe or last current
    /// reserved) until it is heard from again after that moment.
    /// </summary>
    public DateTimeOffset? UnresponsiveSince { get; set; }

    /// <summary>The grid phases the allocation counted this charge point on.</summary>
    public PhaseSet GridPhases { get; set; }
}
