namespace OpenCpm.Simulation.Tests.Scenarios;

public sealed class LimitChangesScenarioTests() : ShippedScenarioTests("limit-changes");
