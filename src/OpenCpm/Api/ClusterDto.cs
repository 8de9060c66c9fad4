using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Api;

/// <summary>A cluster: its alias (id), fuse per phase, feeding phases and minimum charging current.</summary>
internal sealed record ClusterDto
{
    public required string Id { get; init; }

    public double MaxCurrentA { get; init; } = 32;

    /// <summary>The grid phases feeding it; absent = all three.</summary>
    public IReadOnlyList<Phase>? Phases { get; init; }

    public double? MinChargingCurrentA { get; init; }

    public static ClusterDto From(ClusterSettings c) => new()
    {
        Id = c.Id,
        MaxCurrentA = c.MaxCurrentA,
        Phases = [.. c.Phases.Phases()],
        MinChargingCurrentA = c.MinChargingCurrentA,
    };

    public ClusterSettings ToSettings() => new()
    {
        Id = Id ?? "",
        MaxCurrentA = MaxCurrentA,
        Phases = Phases is null ? PhaseSet.AllThree : Phases.Aggregate(PhaseSet.None, (set, p) => set.Union(PhaseSet.Of(p))),
        MinChargingCurrentA = MinChargingCurrentA,
    };
}
