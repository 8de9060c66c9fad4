namespace OpenCpm.Simulation.Scenarios;

/// <summary>What one vehicle asked for and got in a scenario run.</summary>
public sealed record VehicleOutcome(string Id, double DemandWh, double DeliveredWh, double LongestWaitSeconds);
