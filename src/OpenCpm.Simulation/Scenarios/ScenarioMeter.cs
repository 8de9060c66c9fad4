namespace OpenCpm.Simulation.Scenarios;

public sealed record ScenarioMeter
{
    public double PollSeconds { get; init; } = 1;

    public double? FallbackPowerW { get; init; }
}
