namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// The wiring of a three-phase station: which grid phase the station's L1, L2 and L3 are connected to.
/// <c>L2L3L1</c> means station L1 is on grid L2, station L2 on grid L3 and station L3 on grid L1.
/// Rotating stations spreads single-phase vehicles (which charge on station L1) across the grid phases.
/// </summary>
public enum PhaseRotation
{
    L1L2L3,
    L2L3L1,
    L3L1L2,
}
