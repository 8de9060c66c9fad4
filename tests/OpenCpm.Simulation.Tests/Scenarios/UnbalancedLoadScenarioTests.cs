namespace OpenCpm.Simulation.Tests.Scenarios;

public sealed class UnbalancedLoadScenarioTests() : ShippedScenarioTests("unbalanced-load");
