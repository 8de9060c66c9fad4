namespace OpenCpm.Simulation.Tests.Scenarios;

public sealed class ProbeStepsScenarioTests() : ShippedScenarioTests("probe-steps")
{
    [Fact]
    public void Probes_tapering_cars_without_a_command_storm()
    {
        // Probing back up to the full share every 5 minutes: 254 commands (21 per vehicle-hour) in 4 hours.
        var report = ShippedScenarios.Report(Name);

        Assert.True(report.SetpointChangesPerVehicleHour <= 10, $"{report.SetpointChangesPerVehicleHour} changes per vehicle-hour");
        Assert.True(report.Utilization >= 0.98, $"utilization {report.Utilization}");
    }
}
