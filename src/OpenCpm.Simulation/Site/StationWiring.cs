using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Simulation.Site;

/// <summary>
/// How a simulated station is connected to the grid, as an electrician wired it: three-phase with a rotation
/// (station L1 on grid L2, … for <see cref="PhaseRotation.L2L3L1"/>), or single-phase on one grid phase.
/// </summary>
public sealed record StationWiring
{
    public static StationWiring Standard { get; } = new();

    public PhaseConnection Connection { get; init; } = PhaseConnection.ThreePhase;

    public PhaseRotation Rotation { get; init; } = PhaseRotation.L1L2L3;

    /// <summary>The grid phase of a single-phase station (only its L1 is connected).</summary>
    public Phase SinglePhase { get; init; } = Phase.L1;

    public static StationWiring Rotated(PhaseRotation rotation) => new() { Rotation = rotation };

    public static StationWiring OnePhase(Phase gridPhase) => new() { Connection = PhaseConnection.SinglePhase, SinglePhase = gridPhase };

    /// <summary>
    /// The grid currents for currents on the station's conductors L1..L3. A single-phase station only has its L1
    /// connected, so only that conductor can carry current.
    /// </summary>
    public PhaseCurrents ToGrid(PhaseCurrents stationCurrents) =>
        Connection == PhaseConnection.SinglePhase
            ? PhaseCurrents.Zero.With(SinglePhase, stationCurrents.L1)
            : Rotation.ToGrid(stationCurrents);
}
