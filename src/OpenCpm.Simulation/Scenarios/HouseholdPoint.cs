namespace OpenCpm.Simulation.Scenarios;

public sealed record HouseholdPoint
{
    public required double T { get; init; }

    public required double L1 { get; init; }

    public required double L2 { get; init; }

    public required double L3 { get; init; }
}
