namespace OpenCpm.Control;

/// <summary>A copy of the last allocation's node loads, for the status API (the allocator's own result is reused).</summary>
internal sealed record AllocationSummary(DateTimeOffset? At, NodeSummary Site, IReadOnlyList<NodeSummary> Clusters, IReadOnlyList<string> Queue)
{
    /// <summary>The household load (everything on the meter but charging) per grid phase the allocation counted with; null without a meter reading.</summary>
    public Core.LoadManagement.PhaseCurrents? HouseholdA { get; init; }

    public static AllocationSummary Empty { get; } = new(null, new NodeSummary("site", default, default), [], []);
}
