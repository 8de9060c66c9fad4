namespace OpenCpm.Simulation.Tests.Scenarios;

public sealed class UnknownPhasesScenarioTests() : ShippedScenarioTests("unknown-phases");
