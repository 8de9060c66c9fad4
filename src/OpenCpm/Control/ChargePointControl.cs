using OpenCpm.Core.ChargePoints;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Data;
using OpenCpm.Stations;

namespace OpenCpm.Control;

/// <summary>
/// The control loop's own, mutable state of one charge point. Only <see cref="SiteController"/> touches it: the
/// cycle and the background sends, always under the controller's lock. Everyone else reads
/// <see cref="ChargePointSnapshot"/>s. It lives as long as the charge point keeps its station, across reloads, so a
/// command still on its way always updates the state it belongs to.
/// </summary>
internal sealed class ChargePointControl(int key, ChargePointInstallation installation, IStationDriver? driver, string? driverProblem)
{
    /// <summary>Unique for the life of the process: the charge point's key in the reduction gate.</summary>
    public int Key { get; } = key;

    public ChargePointInstallation Installation { get; set; } = installation;

    public string Id => Installation.Id;

    public IStationDriver? Driver { get; } = driver;

    public string? DriverProblem { get; } = driverProblem;

    public StationStatus Status => Driver?.Status.Current ?? new StationStatus { ChargePointId = Installation.Id };

    /// <summary>The setpoint the last allocation computed.</summary>
    public double SetpointA { get; set; }

    /// <summary>The setpoint the station acknowledged last (null until the controller sent one).</summary>
    public double? CommandedA { get; set; }

    /// <summary>
    /// The setpoint of a command on its way to the station (null when none): until it is answered the station may
    /// already apply it, so planning counts the higher of this and <see cref="CommandedA"/>.
    /// </summary>
    public double? CommandInFlightA { get; set; }

    /// <summary>A command to this station is on its way (one at a time).</summary>
    public bool Sending { get; set; }

    public LimitReason LimitedBy { get; set; } = LimitReason.Of(LimitKind.Idle);

    public ChargePointState State { get; set; } = ChargePointState.Offline;

    /// <summary>
    /// Set when the station did not acknowledge a setpoint: it is treated as unreachable (its failsafe or last current
    /// reserved) until it is heard from again after that moment.
    /// </summary>
    public DateTimeOffset? UnresponsiveSince { get; set; }

    /// <summary>The setpoint not acknowledged and why, while <see cref="UnresponsiveSince"/> is set.</summary>
    public string? CommandProblem { get; set; }

    public PhaseSet GridPhases { get; set; }

    /// <summary>Setpoint changes sent that the station's measured current may not show yet.</summary>
    public SetpointTransitions Transitions { get; } = new();

    /// <summary>Ends the subscription to the driver's status (set while the driver runs).</summary>
    public IDisposable? StatusSubscription { get; set; }

    /// <summary>Stops the driver.</summary>
    public CancellationTokenSource? Stop { get; set; }

    /// <summary>The driver's run, awaited before a replacement for the same station starts.</summary>
    public Task Run { get; set; } = Task.CompletedTask;

    public ChargePointSnapshot ToSnapshot() => new()
    {
        Installation = Installation,
        Driver = Driver,
        DriverProblem = DriverProblem,
        Status = Status,
        Capabilities = Driver?.Capabilities,
        SetpointA = SetpointA,
        CommandedA = CommandedA,
        LimitedBy = LimitedBy,
        State = State,
        GridPhases = GridPhases,
        UnresponsiveSince = UnresponsiveSince,
        CommandProblem = UnresponsiveSince is null ? null : CommandProblem,
    };
}
