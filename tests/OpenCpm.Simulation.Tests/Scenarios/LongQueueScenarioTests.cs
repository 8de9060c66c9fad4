namespace OpenCpm.Simulation.Tests.Scenarios;

public sealed class LongQueueScenarioTests() : ShippedScenarioTests("long-queue")
{
    [Fact]
    public void Lets_every_vehicle_wait_at_most_queue_over_active_rotation_periods()
    {
        // 30 vehicles, room for 8 at the minimum current: 22 wait behind 8, so at most three periods.
        var report = ShippedScenarios.Report(Name);

        Assert.True(report.MaxWaitSeconds <= RotationBoundSeconds(22, 8), $"longest wait {report.MaxWaitSeconds} s");
    }
}
