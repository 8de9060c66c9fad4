namespace OpenCpm.Simulation.Tests.Scenarios;

public sealed class UnbalancedRounding6ScenarioTests() : ShippedScenarioTests("unbalanced-rounding-6");
