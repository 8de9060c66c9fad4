namespace OpenCpm.Simulation.Tests.Scenarios;

public sealed class Site200ScenarioTests() : ShippedScenarioTests("site-200");
