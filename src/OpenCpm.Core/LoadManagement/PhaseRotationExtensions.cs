namespace OpenCpm.Core.LoadManagement;

public static class PhaseRotationExtensions
{
    /// <summary>The grid phase that a station conductor is wired to.</summary>
    public static Phase GridPhaseOf(this PhaseRotation rotation, Phase stationPhase) =>
        (Phase)(((int)stationPhase + (int)rotation) % 3);

    /// <summary>The station conductor wired to a grid phase.</summary>
    public static Phase StationPhaseOn(this PhaseRotation rotation, Phase gridPhase) =>
        (Phase)(((int)gridPhase - (int)rotation + 3) % 3);

    /// <summary>Station-side currents (station L1..L3) expressed on the grid phases.</summary>
    public static PhaseCurrents ToGrid(this PhaseRotation rotation, PhaseCurrents station)
    {
        var grid = PhaseCurrents.Zero;
        for (var p = Phase.L1; p <= Phase.L3; p++)
        {
            grid = grid.With(rotation.GridPhaseOf(p), station[p]);
        }

        return grid;
    }
}
