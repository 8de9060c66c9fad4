namespace OpenCpm.Api;

/// <summary>The current allocation: sums of setpoints per phase and limits, for the site and each cluster.</summary>
internal sealed record AllocationDto(DateTimeOffset? At, NodeDto Site, IReadOnlyList<NodeDto> Clusters, IReadOnlyList<string> Queue);
