namespace OpenCpm.Simulation.Tests.Scenarios;

public sealed class ThrashUnbalanced5ScenarioTests() : ShippedScenarioTests("thrash-unbalanced-5");
