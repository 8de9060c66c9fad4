using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Control;

/// <summary>
/// A copy of the last allocation's node loads and its findings worth telling the operator about (the allocator's own
/// result is reused, so what is kept is copied here).
/// </summary>
internal sealed record AllocationSummary(DateTimeOffset? At, NodeSummary Site, IReadOnlyList<NodeSummary> Clusters, IReadOnlyList<string> Queue)
{
    /// <summary>The household load (everything on the meter but charging) per grid phase the allocation counted with; null without a meter reading.</summary>
    public Core.LoadManagement.PhaseCurrents? HouseholdA { get; init; }

    public static AllocationSummary Empty { get; } = new(null, new NodeSummary("site", default, default), [], []);

    /// <summary>How many times the allocator's final check had to repair its result (<see cref="Allocation.SafetyCorrections"/>; 0 unless there is a bug).</summary>
    public int SafetyCorrections { get; init; }

    /// <summary>Grid phases on which the stations report more current than the meter measures (<see cref="Allocation.ImplausibleStationCurrents"/>).</summary>
    public PhaseSet ImplausibleStationCurrents { get; init; }

    /// <summary>How far the currents reserved for unreachable stations alone exceed a limit, in A (<see cref="Allocation.UnreachableReservedExcessA"/>).</summary>
    public double UnreachableReservedExcessA { get; init; }
}
