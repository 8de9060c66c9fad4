namespace OpenCpm.Simulation.Tests.Scenarios;

public sealed class StationMaximumScenarioTests() : ShippedScenarioTests("station-maximum");
