namespace OpenCpm.Core.LoadManagement;

/// <summary>How a charge point is connected to the grid.</summary>
public enum PhaseConnection
{
    ThreePhase,
    SinglePhase,
}
