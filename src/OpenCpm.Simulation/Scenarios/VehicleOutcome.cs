namespace OpenCpm.Simulation.Scenarios;

/// <summary>
/// What one vehicle asked for and got in a scenario run, its longest wait, and what the ideal fluid max-min fair
/// allocation would have given it (the reference of <c>jainFairness</c>).
/// </summary>
public sealed record VehicleOutcome(string Id, double DemandWh, double DeliveredWh, double LongestWaitSeconds, double ReferenceWh);
