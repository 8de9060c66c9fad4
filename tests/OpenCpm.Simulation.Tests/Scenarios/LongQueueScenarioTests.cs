namespace OpenCpm.Simulation.Tests.Scenarios;

public sealed class LongQueueScenarioTests() : ShippedScenarioTests("long-queue");
