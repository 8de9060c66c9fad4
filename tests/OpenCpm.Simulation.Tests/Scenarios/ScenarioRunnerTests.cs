using OpenCpm.Simulation.Scenarios;

namespace OpenCpm.Simulation.Tests.Scenarios;

public sealed class ScenarioRunnerTests
{
    [Fact]
    public void Gives_the_same_report_for_the_same_scenario()
    {
        var scenario = ShippedScenarios.Load("office-12-mixed");

        var first = new ScenarioRunner(scenario).Run();
        var second = new ScenarioRunner(scenario).Run();

        Assert.Equal(WithoutTiming(first), WithoutTiming(second));
        Assert.Equal(first.Vehicles, second.Vehicles);
        Assert.True(first.AllocationsComputed > 0);
    }

    [Fact]
    public void Delivers_a_lone_vehicle_all_it_asks_for()
    {
        // 20 kWh battery from 50 % to 80 % (below the taper): 6,000 Wh, at 16 A on three phases in about 33 minutes.
        var scenario = ScenarioParser.Parse("""
            {
              "name": "alone",
              "durationSeconds": 3600,
              "site": { "maxCurrentA": 63 },
              "chargePoints": [ { "id": "cp1", "maxCurrentA": 32 } ],
              "vehicles": [ { "id": "ev1", "chargePoint": "cp1", "arrive": 0, "depart": 3600, "phases": 3, "maxCurrentA": 16,
                              "batteryWh": 20000, "initialSoc": 0.5, "targetSoc": 0.8 } ]
            }
            """);

        var report = new ScenarioRunner(scenario).Run();

        Assert.Equal(6000, report.DemandEnergyWh, 1e-6);
        Assert.Equal(6000, report.DeliveredEnergyWh, 1e-6);
        Assert.Equal(1, report.Utilization);
        Assert.Equal(0, report.CommandedOverloadAs);
        Assert.Equal(0, report.PhysicalOverloadAs);
        Assert.Equal(0, report.UnservedVehicles);
    }

    [Fact]
    public void Shares_equally_between_two_identical_vehicles()
    {
        // 32 A for two 32 A vehicles that never fill up: 16 A each on three phases for the hour, 11,040 Wh each at most.
        var scenario = ScenarioParser.Parse("""
            {
              "name": "two",
              "durationSeconds": 3600,
              "site": { "maxCurrentA": 32, "meter": { "pollSeconds": 1 } },
              "chargePoints": [ { "id": "cp1", "maxCurrentA": 32 }, { "id": "cp2", "maxCurrentA": 32, "rotation": "L2L3L1" } ],
              "vehicles": [
                { "id": "ev1", "chargePoint": "cp1", "arrive": 0, "depart": 3600, "maxCurrentA": 32, "batteryWh": 100000, "initialSoc": 0.1 },
                { "id": "ev2", "chargePoint": "cp2", "arrive": 0, "depart": 3600, "maxCurrentA": 32, "batteryWh": 100000, "initialSoc": 0.1 }
              ]
            }
            """);

        var report = new ScenarioRunner(scenario).Run();

        Assert.Equal(0, report.CommandedOverloadAs);
        Assert.Equal(0, report.PhysicalOverloadAs);
        Assert.True(report.JainFairness > 0.9999, $"Jain's index {report.JainFairness}");
        Assert.Equal(report.Vehicles[0].DeliveredWh, report.Vehicles[1].DeliveredWh, 1.0);
        Assert.InRange(report.Vehicles[0].DeliveredWh, 0.98 * 11040, 11040);
        Assert.True(report.Utilization >= 0.98, $"utilization {report.Utilization}");
    }

    private static ScenarioReport WithoutTiming(ScenarioReport report) =>
        report with { RunSeconds = 0, MeanAllocationMicros = 0, Vehicles = [] };
}
