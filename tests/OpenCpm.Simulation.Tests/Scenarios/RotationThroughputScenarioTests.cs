namespace OpenCpm.Simulation.Tests.Scenarios;

public sealed class RotationThroughputScenarioTests() : ShippedScenarioTests("rotation-throughput");
