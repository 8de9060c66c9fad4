namespace OpenCpm.Simulation.Scenarios;

/// <summary>An invalid scenario file; the message names the field (as a JSON path) and what is wrong with it.</summary>
public sealed class ScenarioException(string message) : Exception(message);
