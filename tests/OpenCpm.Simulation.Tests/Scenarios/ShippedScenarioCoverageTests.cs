namespace OpenCpm.Simulation.Tests.Scenarios;

public sealed class ShippedScenarioCoverageTests
{
    [Fact]
    public void Every_shipped_scenario_has_its_test_class()
    {
        var tested = typeof(ShippedScenarioTests).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(ShippedScenarioTests)) && !t.IsAbstract)
            .Select(t => ((ShippedScenarioTests)Activator.CreateInstance(t)!).Name)
            .Order(StringComparer.Ordinal);

        Assert.NotEmpty(ShippedScenarios.Names);
        Assert.Equal(ShippedScenarios.Names, tested);
    }
}
