namespace OpenCpm.Simulation.Tests.Scenarios;

public sealed class ProbeStepsScenarioTests() : ShippedScenarioTests("probe-steps");
