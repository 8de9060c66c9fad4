namespace OpenCpm.Simulation.Scenarios;

public sealed record ScenarioCluster
{
    public required string Id { get; init; }

    public required double MaxCurrentA { get; init; }

    public double? MinChargingCurrentA { get; init; }

    /// <summary>Grid phases feeding the cluster, e.g. ["L1", "L2"]; default all three.</summary>
    public IReadOnlyList<string>? Phases { get; init; }
}
