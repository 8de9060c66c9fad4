namespace OpenCpm.Core.LoadManagement;

/// <summary>How one charge point is installed and what it may take.</summary>
public sealed record ChargePointSettings
{
    public required string Id { get; init; }

    /// <summary>The cluster it belongs to (used only while clusters are enabled); null = directly on the site.</summary>
    public string? Cluster { get; init; }

    public PhaseConnection Connection { get; init; } = PhaseConnection.ThreePhase;

    /// <summary>Wiring of a three-phase station.</summary>
    public PhaseRotation Rotation { get; init; } = PhaseRotation.L1L2L3;

    /// <summary>The grid phase a single-phase station is connected to.</summary>
    public Phase SinglePhase { get; init; } = Phase.L1;

    /// <summary>The station's own limit (cable, DIP switches, hardware).</summary>
    public double MaxCurrentA { get; init; } = 32;

    /// <summary>What the station falls back to alone when the controller is gone (0 = stop).</summary>
    public double FailsafeCurrentA { get; init; }

    /// <summary>A per-charge-point unbalanced-load limit (e.g. for a single-phase station); null = none.</summary>
    public double? UnbalancedLoadLimitA { get; init; }

    public bool PermanentlyLockedSocket { get; init; }

    /// <summary>The grid phases this charge point's conductors are wired to.</summary>
    public PhaseSet WiredGridPhases => Connection == PhaseConnection.SinglePhase ? PhaseSet.Of(SinglePhase) : PhaseSet.AllThree;

    /// <summary>The grid phase that a station conductor is wired to (for a single-phase station, only its L1 is).</summary>
    public Phase GridPhaseOf(Phase stationPhase) =>
        Connection == PhaseConnection.SinglePhase ? SinglePhase : Rotation.GridPhaseOf(stationPhase);

    /// <summary>
    /// Currents measured on the station's conductors (its L1, L2, L3) as they load the grid phases, through the
    /// station's phase rotation; a single-phase station's L1 is on its grid phase, its other conductors carry nothing.
    /// </summary>
    public PhaseCurrents ToGrid(PhaseCurrents stationA) =>
        Connection == PhaseConnection.SinglePhase ? PhaseCurrents.Zero.With(SinglePhase, stationA.L1) : Rotation.ToGrid(stationA);

    /// <summary>The grid phases loaded when the vehicle charges on the given station conductors.</summary>
    public PhaseSet GridPhasesFor(PhaseSet stationPhases)
    {
        if (Connection == PhaseConnection.SinglePhase)
        {
            return stationPhases.IsEmpty ? PhaseSet.None : PhaseSet.Of(SinglePhase);
        }

        var grid = PhaseSet.None;
        for (var p = Phase.L1; p <= Phase.L3; p++)
        {
            if (stationPhases.Contains(p))
            {
                grid = grid.Union(PhaseSet.Of(Rotation.GridPhaseOf(p)));
            }
        }

        return grid;
    }
}
