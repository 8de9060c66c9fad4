namespace OpenCpm.Simulation.Tests.Scenarios;

public sealed class UnknownPhasesScenarioTests() : ShippedScenarioTests("unknown-phases")
{
    [Fact]
    public void Starts_a_single_phase_car_the_station_remembers_on_the_phase_with_room()
    {
        // Counted on three phases until it draws, the second car waited 10,400 s while L1 had 25 A spare.
        var report = ShippedScenarios.Report(Name);

        Assert.True(report.MaxWaitSeconds <= 60, $"longest wait {report.MaxWaitSeconds} s");
        // Served in full but for its first seconds at the minimum (a remembered phase is a guess until the car draws):
        // within 0.1 % of what it asked for.
        Assert.Equal(report.Vehicles[1].DemandWh, report.Vehicles[1].DeliveredWh, report.Vehicles[1].DemandWh * 0.001);
    }
}
