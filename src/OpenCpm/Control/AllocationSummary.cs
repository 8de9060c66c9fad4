namespace OpenCpm.Control;

/// <summary>A copy of the last allocation's node loads, for the status API (the allocator's own result is reused).</summary>
internal sealed record AllocationSummary(DateTimeOffset? At, NodeSummary Site, IReadOnlyList<NodeSummary> Clusters, IReadOnlyList<string> Queue)
{
    public static AllocationSummary Empty { get; } = new(null, new NodeSummary("site", default, default), [], []);
}
