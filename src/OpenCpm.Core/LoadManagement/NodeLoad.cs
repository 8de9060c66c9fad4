namespace OpenCpm.Core.LoadManagement;

/// <summary>A node of the grid (the site or a cluster): its limit and the sum of setpoints per phase.</summary>
public sealed class NodeLoad(string id)
{
    public string Id { get; } = id;

    /// <summary>The limit per phase this allocation respected (includes meter headroom for the site).</summary>
    public PhaseCurrents LimitA { get; internal set; }

    /// <summary>Sum of setpoints (and reserved currents) per phase.</summary>
    public PhaseCurrents SetpointSumA { get; internal set; }
}
