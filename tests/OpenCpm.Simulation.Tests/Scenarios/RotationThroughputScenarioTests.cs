namespace OpenCpm.Simulation.Tests.Scenarios;

public sealed class RotationThroughputScenarioTests() : ShippedScenarioTests("rotation-throughput")
{
    [Fact]
    public void Lets_every_vehicle_wait_at_most_queue_over_active_rotation_periods()
    {
        // 12 cars, room for 4: one queue head per period made the last wait 8 periods; the bound is two.
        var report = ShippedScenarios.Report(Name);

        Assert.True(report.MaxWaitSeconds <= RotationBoundSeconds(8, 4), $"longest wait {report.MaxWaitSeconds} s");
    }
}
