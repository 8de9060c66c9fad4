namespace OpenCpm.Simulation.Tests.Scenarios;

public sealed class LearnedMinimumScenarioTests() : ShippedScenarioTests("learned-minimum");
