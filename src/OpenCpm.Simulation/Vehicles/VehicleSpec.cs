namespace OpenCpm.Simulation.Vehicles;

/// <summary>
/// What a simulated electric vehicle is like (scenario-format.md "vehicles"): how many phases it charges on,
/// the current range its on-board charger accepts, its battery, and how fast it follows a new pilot current.
/// </summary>
public sealed record VehicleSpec
{
    public int Phases { get; init; } = 3;

    public double MaxCurrentA { get; init; } = 16;

    public double MinCurrentA { get; init; } = 6;

    public double BatteryWh { get; init; } = 60_000;

    public double InitialSoc { get; init; } = 0.3;

    public double TargetSoc { get; init; } = 0.9;

    public double TaperFromSoc { get; init; } = 0.8;

    /// <summary>Delay between a change of the offered current and the vehicle following it (IEC 61851: at most 5 s).</summary>
    public TimeSpan Reaction { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The most current the vehicle can take at a state of charge, whatever it is offered.</summary>
    public double AbilityA(double soc)
    {
        if (soc >= TargetSoc)
        {
            return 0;
        }

        if (soc <= TaperFromSoc || TaperFromSoc >= 1)
        {
            return MaxCurrentA;
        }

        // Linear taper from the full current at TaperFromSoc down to 10 % of it at SoC 1.0.
        var fraction = (soc - TaperFromSoc) / (1 - TaperFromSoc);
        return MaxCurrentA * (1 - (0.9 * Math.Min(1, fraction)));
    }
}
