namespace OpenCpm.Core.LoadManagement;

/// <summary>A sub-distribution with its own fuse (at most 15 per site).</summary>
public sealed record ClusterSettings
{
    /// <summary>The cluster's alias, used in reasons such as <c>cluster:garage</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The cluster fuse: the most current per phase its charge points together may take.</summary>
    public double MaxCurrentA { get; init; } = 32;

    /// <summary>The grid phases that feed this cluster (default all three).</summary>
    public PhaseSet Phases { get; init; } = PhaseSet.AllThree;

    /// <summary>Overrides the site's minimum charging current for this cluster's charge points.</summary>
    public double? MinChargingCurrentA { get; init; }
}
