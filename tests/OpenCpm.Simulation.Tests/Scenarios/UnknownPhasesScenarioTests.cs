namespace OpenCpm.Simulation.Tests.Scenarios;

public sealed class UnknownPhasesScenarioTests() : ShippedScenarioTests("unknown-phases")
{
    [Fact]
    public void Starts_a_single_phase_car_the_station_remembers_on_the_phase_with_room()
    {
        // Counted on three phases until it draws, the second car waited 10,400 s while L1 had 25 A spare.
        var report = ShippedScenarios.Report(Name);

        Assert.True(report.MaxWaitSeconds <= 60, $"longest wait {report.MaxWaitSeconds} s");
        Assert.Equal(report.Vehicles[1].DemandWh, report.Vehicles[1].DeliveredWh, 1.0);
    }
}
