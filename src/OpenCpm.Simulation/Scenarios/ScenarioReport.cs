namespace OpenCpm.Simulation.Scenarios;

/// <summary>The metrics of one scenario run (scenario-format.md "Output"), printed as one JSON object.</summary>
public sealed record ScenarioReport
{
    public required string Scenario { get; init; }

    public required string Strategy { get; init; }

    public double CommandedOverloadAs { get; init; }

    public double PhysicalOverloadAs { get; init; }

    public double MaxPhysicalOverloadA { get; init; }

    public double DemandEnergyWh { get; init; }

    public double DeliveredEnergyWh { get; init; }

    public double AvailableEnergyWh { get; init; }

    public double Utilization { get; init; }

    public double JainFairness { get; init; }

    public double MaxWaitSeconds { get; init; }

    public int UnservedVehicles { get; init; }

    public long SetpointCommands { get; init; }

    /// <summary>Setpoint commands ÷ the hours vehicles were plugged in (target ≤ 30).</summary>
    public double SetpointChangesPerVehicleHour { get; init; }

    /// <summary>Overload caused by the currents reserved for unreachable stations alone (not a controller fault).</summary>
    public double UnreachableReservedOverloadAs { get; init; }

    public double CommandedUnbalanceAs { get; init; }

    public double PhysicalUnbalanceAs { get; init; }

    /// <summary>How often the allocator's final safety check had to repair its own result (must be 0).</summary>
    public int SafetyCorrections { get; init; }

    /// <summary>Jain's index of delivered ÷ asked-for energy (the old <c>jainFairness</c>), for reference.</summary>
    public double JainDemandFairness { get; init; }

    public long AllocationsComputed { get; init; }

    public double MeanAllocationMicros { get; init; }

    /// <summary>Wall-clock time of the whole run (not part of the contract; for the performance target).</summary>
    public double RunSeconds { get; init; }

    /// <summary>Per vehicle: energy asked for and delivered, longest wait.</summary>
    public IReadOnlyList<VehicleOutcome> Vehicles { get; init; } = [];
}
