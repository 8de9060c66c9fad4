namespace OpenCpm.Api;

/// <summary>
/// The current allocation: sums of setpoints per phase and limits, for the site and each cluster; the household load
/// (everything on the grid meter but charging) it counted with, per grid phase (null without a meter reading).
/// </summary>
internal sealed record AllocationDto(DateTimeOffset? At, NodeDto Site, IReadOnlyList<NodeDto> Clusters, IReadOnlyList<string> Queue, PhaseCurrentsDto? HouseholdA);
