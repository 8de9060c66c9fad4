namespace OpenCpm.Simulation.Scenarios;

/// <summary>A scenario file for <c>opencpm simulate</c> (shared/specs/scenario-format.md). Parsed strictly by <see cref="ScenarioParser"/>.</summary>
public sealed record Scenario
{
    public required string Name { get; init; }

    public required int DurationSeconds { get; init; }

    public int StepSeconds { get; init; } = 1;

    public required ScenarioSite Site { get; init; }

    public IReadOnlyList<ScenarioCluster> Clusters { get; init; } = [];

    public required IReadOnlyList<ScenarioChargePoint> ChargePoints { get; init; }

    public IReadOnlyList<HouseholdPoint> HouseholdLoad { get; init; } = [];

    public IReadOnlyList<ScenarioVehicle> Vehicles { get; init; } = [];

    public IReadOnlyList<ScenarioEvent> Events { get; init; } = [];
}
