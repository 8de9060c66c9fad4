namespace OpenCpm.Simulation.Scenarios;

public sealed record ScenarioChargePoint
{
    public required string Id { get; init; }

    public string? Cluster { get; init; }

    /// <summary><c>threePhase</c> or <c>singlePhase</c>.</summary>
    public string Connection { get; init; } = "threePhase";

    /// <summary><c>L1L2L3</c>, <c>L2L3L1</c> or <c>L3L1L2</c> (three-phase stations).</summary>
    public string Rotation { get; init; } = "L1L2L3";

    /// <summary>The grid phase of a single-phase station.</summary>
    public string Phase { get; init; } = "L1";

    public required double MaxCurrentA { get; init; }

    public double FailsafeCurrentA { get; init; }

    public double FailsafeTimeoutSeconds { get; init; } = 30;

    public double? UnbalancedLoadLimitA { get; init; }
}
