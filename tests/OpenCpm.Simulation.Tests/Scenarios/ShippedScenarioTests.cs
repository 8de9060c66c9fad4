namespace OpenCpm.Simulation.Tests.Scenarios;

/// <summary>
/// The targets every scenario shipped in scenarios/*.json must meet with the OpenCPM strategy (issue 10; the metrics of
/// scenario-format.md). One derived class per scenario, so the long runs go in parallel;
/// <see cref="ShippedScenarioCoverageTests"/> checks none is missing.
/// </summary>
public abstract class ShippedScenarioTests(string name)
{
    public string Name { get; } = name;

    [Fact]
    public void Never_commands_more_than_the_known_limits() =>
        Assert.Equal(0, ShippedScenarios.Report(Name).CommandedOverloadAs);

    [Fact]
    public void Never_commands_an_imbalance_above_the_unbalanced_load_limit() =>
        Assert.Equal(0, ShippedScenarios.Report(Name).CommandedUnbalanceAs);

    [Fact]
    public void Never_needs_the_final_safety_correction() =>
        Assert.Equal(0, ShippedScenarios.Report(Name).SafetyCorrections);

    [Fact]
    public void Changes_a_setpoint_at_most_30_times_per_vehicle_hour()
    {
        var report = ShippedScenarios.Report(Name);

        Assert.True(report.SetpointChangesPerVehicleHour <= 30, $"{Name}: {report.SetpointChangesPerVehicleHour} changes per vehicle-hour ({report.SetpointCommands} commands)");
    }

    [Fact]
    public void Uses_at_least_97_percent_of_what_could_be_delivered()
    {
        var report = ShippedScenarios.Report(Name);

        Assert.True(
            report.Utilization >= 0.97,
            $"{Name}: utilization {report.Utilization} (delivered {report.DeliveredEnergyWh} Wh, demand {report.DemandEnergyWh} Wh, available {report.AvailableEnergyWh} Wh)");
    }

    [Fact]
    public void Shares_max_min_fairly_in_per_phase_current()
    {
        var report = ShippedScenarios.Report(Name);

        Assert.True(report.JainFairness >= 0.95, $"{Name}: Jain's index against the max-min reference {report.JainFairness}");
    }

    /// <summary>The longest wait allowed by load-management.md section 4: ⌈queue ÷ active⌉ rotation periods, plus the vehicle's reaction.</summary>
    protected static double RotationBoundSeconds(int queue, int active, double rotationMinutes = 15) =>
        (Math.Ceiling(queue / (double)active) * rotationMinutes * 60) + 5;
}
