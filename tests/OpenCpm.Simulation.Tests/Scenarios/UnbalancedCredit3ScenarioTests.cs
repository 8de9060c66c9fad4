namespace OpenCpm.Simulation.Tests.Scenarios;

public sealed class UnbalancedCredit3ScenarioTests() : ShippedScenarioTests("unbalanced-credit-3")
{
    [Fact]
    public void Keeps_what_the_vehicles_really_draw_within_the_unbalanced_load_limit()
    {
        // Crediting the tapering car's setpoint instead of its draw put 2,728 A·s over the limit.
        var report = ShippedScenarios.Report(Name);

        Assert.True(report.PhysicalUnbalanceAs <= 1, $"{report.PhysicalUnbalanceAs} A·s over the limit");
    }
}
