namespace OpenCpm.Simulation.Tests.Scenarios;

public sealed class UnbalancedCredit3ScenarioTests() : ShippedScenarioTests("unbalanced-credit-3");
