namespace OpenCpm.Simulation.Tests.Scenarios;

public sealed class MeterLossScenarioTests() : ShippedScenarioTests("meter-loss");
