namespace OpenCpm.Core.LoadManagement;

/// <summary>A grid phase (or, for a station, one of its own three conductors).</summary>
public enum Phase
{
    L1 = 0,
    L2 = 1,
    L3 = 2,
}
