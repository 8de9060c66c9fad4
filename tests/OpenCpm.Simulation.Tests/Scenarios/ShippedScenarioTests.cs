namespace OpenCpm.Simulation.Tests.Scenarios;

/// <summary>
/// The targets every scenario shipped in scenarios/*.json must meet with the OpenCPM strategy. One derived class per
/// scenario, so the long runs go in parallel; <see cref="ShippedScenarioCoverageTests"/> checks none is missing.
/// </summary>
public abstract class ShippedScenarioTests(string name)
{
    public string Name { get; } = name;

    [Fact]
    public void Never_commands_more_than_the_known_limits() =>
        Assert.Equal(0, ShippedScenarios.Report(Name).CommandedOverloadAs);

    [Fact]
    public void Uses_at_least_97_percent_of_what_could_be_delivered()
    {
        var report = ShippedScenarios.Report(Name);

        Assert.True(
            report.Utilization >= 0.97,
            $"{Name}: utilization {report.Utilization} (delivered {report.DeliveredEnergyWh} Wh, demand {report.DemandEnergyWh} Wh, available {report.AvailableEnergyWh} Wh)");
    }
}
