using OpenCpm.Core.ChargePoints;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Data;
using OpenCpm.Stations;

namespace OpenCpm.Control;

/// <summary>One charge point at the end of a control cycle: its installation, what its station reported, what the allocation decided.</summary>
internal sealed record ChargePointSnapshot
{
    public required ChargePointInstallation Installation { get; init; }

    public string Id => Installation.Id;

    /// <summary>The driver serving it now; null when its protocol can't (see <see cref="DriverProblem"/>).</summary>
    public IStationDriver? Driver { get; init; }

    /// <summary>Why there is no driver (the protocol's transport is down, the address is not usable…).</summary>
    public string? DriverProblem { get; init; }

    public required StationStatus Status { get; init; }

    public StationCapabilities? Capabilities { get; init; }

    /// <summary>The setpoint the last allocation computed.</summary>
    public double SetpointA { get; init; }

    /// <summary>The setpoint the station acknowledged last (null until the controller sent one).</summary>
    public double? CommandedA { get; init; }

    public LimitReason LimitedBy { get; init; } = LimitReason.Of(LimitKind.Idle);

    /// <summary>The state to show: the driver's, or Queued when the load manager makes the vehicle wait.</summary>
    public ChargePointState State { get; init; } = ChargePointState.Offline;

    /// <summary>The grid phases the allocation counted this charge point on.</summary>
    public PhaseSet GridPhases { get; init; }

    /// <summary>Since when the station has not acknowledged a setpoint (null while it answers).</summary>
    public DateTimeOffset? UnresponsiveSince { get; init; }

    /// <summary>What the last unacknowledged command was and why (a sentence; null while the station answers).</summary>
    public string? CommandProblem { get; init; }
}
