namespace OpenCpm.Simulation.Tests.Scenarios;

public sealed class StationMaximumScenarioTests() : ShippedScenarioTests("station-maximum")
{
    [Fact]
    public void Scores_a_lone_car_at_a_station_below_its_maximum_as_fully_used()
    {
        // The old bound counted the car's 32 A at the 16 A station: 0.606 for a controller that did all it could.
        var report = ShippedScenarios.Report(Name);

        Assert.True(report.Utilization >= 0.999, $"utilization {report.Utilization}");
    }
}
