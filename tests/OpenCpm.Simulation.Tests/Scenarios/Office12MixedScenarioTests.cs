namespace OpenCpm.Simulation.Tests.Scenarios;

public sealed class Office12MixedScenarioTests() : ShippedScenarioTests("office-12-mixed")
{
    [Fact]
    public void Delivers_at_least_5_percent_more_than_equal_share_to_the_mixed_fleet()
    {
        var openCpm = ShippedScenarios.Report(Name);
        var equalShare = ShippedScenarios.Report(Name, "equal-share");

        Assert.True(
            openCpm.DeliveredEnergyWh >= 1.05 * equalShare.DeliveredEnergyWh,
            $"opencpm {openCpm.DeliveredEnergyWh} Wh, equal-share {equalShare.DeliveredEnergyWh} Wh");
    }
}
