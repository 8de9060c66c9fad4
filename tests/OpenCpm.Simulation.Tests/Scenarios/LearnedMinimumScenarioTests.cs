namespace OpenCpm.Simulation.Tests.Scenarios;

public sealed class LearnedMinimumScenarioTests() : ShippedScenarioTests("learned-minimum")
{
    [Fact]
    public void Charges_the_car_that_needs_10_A_within_a_rotation_period()
    {
        // Taken for "paused by itself" at its 6.4 A share, it waited its whole stay (14,100 s).
        var report = ShippedScenarios.Report(Name);
        var car = report.Vehicles.Single(v => v.Id == "needs10");

        // Finding its minimum (6.4, 8, then 10 A, a settle time each) comes before its wait in the queue.
        Assert.True(car.LongestWaitSeconds <= RotationBoundSeconds(1, 4) + 60, $"waited {car.LongestWaitSeconds} s");
        Assert.True(car.DeliveredWh >= 0.9 * car.ReferenceWh, $"delivered {car.DeliveredWh} Wh, max-min reference {car.ReferenceWh} Wh");
    }
}
