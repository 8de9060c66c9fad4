namespace OpenCpm.Simulation.Scenarios;

public sealed record ScenarioVehicle
{
    public required string Id { get; init; }

    public required string ChargePoint { get; init; }

    public required double Arrive { get; init; }

    public required double Depart { get; init; }

    public int Phases { get; init; } = 3;

    public required double MaxCurrentA { get; init; }

    public double MinCurrentA { get; init; } = 6;

    public required double BatteryWh { get; init; }

    public required double InitialSoc { get; init; }

    public double TargetSoc { get; init; } = 1.0;

    public double TaperFromSoc { get; init; } = 0.8;

    public double ReactionSeconds { get; init; } = 2;
}
