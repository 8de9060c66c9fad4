namespace OpenCpm.Simulation.Tests.Scenarios;

public sealed class SinglePhaseRotatedScenarioTests() : ShippedScenarioTests("single-phase-rotated");
