namespace OpenCpm.Simulation.Scenarios;

public sealed record ScenarioSite
{
    public required double MaxCurrentA { get; init; }

    public double? MaxPowerW { get; init; }

    public double NominalVoltageV { get; init; } = 230;

    public double MinChargingCurrentA { get; init; } = 6;

    public double? UnbalancedLoadLimitA { get; init; }

    public double RotationMinutes { get; init; } = 15;

    public ScenarioMeter? Meter { get; init; }
}
