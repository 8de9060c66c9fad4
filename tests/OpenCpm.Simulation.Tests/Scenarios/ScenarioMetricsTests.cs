using OpenCpm.Simulation.Scenarios;

namespace OpenCpm.Simulation.Tests.Scenarios;

/// <summary>The metric definitions of scenario-format.md on small scenarios whose figures can be worked out by hand.</summary>
public sealed class ScenarioMetricsTests
{
    [Fact]
    public void Equal_share_baseline_caps_the_most_loaded_phase_to_the_unbalanced_load_limit()
    {
        // Two single-phase stations on L1 and one on L2, limit 10 A: 16 + 16 A on L1 against 16 A on L2 is over it.
        var scenario = ScenarioParser.Parse("""
            {
              "name": "eq-unbalanced",
              "durationSeconds": 600,
              "site": { "maxCurrentA": 32, "unbalancedLoadLimitA": 10 },
              "chargePoints": [
                { "id": "a", "connection": "singlePhase", "phase": "L1", "maxCurrentA": 32 },
                { "id": "b", "connection": "singlePhase", "phase": "L1", "maxCurrentA": 32 },
                { "id": "c", "connection": "singlePhase", "phase": "L2", "maxCurrentA": 32 }
              ],
              "vehicles": [
                { "id": "ev1", "chargePoint": "a", "arrive": 0, "depart": 600, "phases": 1, "maxCurrentA": 32, "batteryWh": 80000, "initialSoc": 0.1 },
                { "id": "ev2", "chargePoint": "b", "arrive": 0, "depart": 600, "phases": 1, "maxCurrentA": 32, "batteryWh": 80000, "initialSoc": 0.1 },
                { "id": "ev3", "chargePoint": "c", "arrive": 0, "depart": 600, "phases": 1, "maxCurrentA": 32, "batteryWh": 80000, "initialSoc": 0.1 }
              ]
            }
            """);

        var report = new ScenarioRunner(scenario, "equal-share").Run();

        Assert.Equal(0, report.CommandedUnbalanceAs);
        Assert.True(report.PhysicalUnbalanceAs <= 20, $"{report.PhysicalUnbalanceAs} A·s over (only while vehicles react)");
    }

    [Fact]
    public void Counts_what_unreachable_stations_alone_exceed_apart_from_the_commanded_overload()
    {
        // cp1 drops off the network while charging at 16 A with a failsafe of 16 A, and the backend then lowers the site
        // limit to 10 A: the controller can't command cp1, so the 6 A over for the rest of the run are not its fault.
        var scenario = ScenarioParser.Parse("""
            {
              "name": "reserved",
              "durationSeconds": 300,
              "site": { "maxCurrentA": 32 },
              "chargePoints": [
                { "id": "cp1", "maxCurrentA": 16, "failsafeCurrentA": 16 },
                { "id": "cp2", "maxCurrentA": 16, "rotation": "L2L3L1" }
              ],
              "vehicles": [
                { "id": "ev1", "chargePoint": "cp1", "arrive": 0, "depart": 300, "maxCurrentA": 16, "batteryWh": 80000, "initialSoc": 0.1 },
                { "id": "ev2", "chargePoint": "cp2", "arrive": 0, "depart": 300, "maxCurrentA": 16, "batteryWh": 80000, "initialSoc": 0.1 }
              ],
              "events": [
                { "t": 100, "type": "chargePointOffline", "chargePoint": "cp1", "durationSeconds": 1000 },
                { "t": 200, "type": "siteLimit", "maxCurrentA": 10 }
              ]
            }
            """);

        var report = new ScenarioRunner(scenario).Run();

        Assert.Equal(0, report.CommandedOverloadAs);
        Assert.Equal(100 * 3 * 6, report.UnreachableReservedOverloadAs, 6);
    }

    [Fact]
    public void Counts_setpoint_changes_per_hour_of_vehicles_present()
    {
        var report = new ScenarioRunner(ShippedScenarios.Load("station-maximum")).Run();

        // One car for two hours, one command to start it.
        Assert.Equal(1, report.SetpointCommands);
        Assert.Equal(0.5, report.SetpointChangesPerVehicleHour);
    }

    [Fact]
    public void Measures_fairness_against_the_max_min_reference_not_against_what_each_car_asked_for()
    {
        // A single-phase and a three-phase car share L1 on a 32 A site: 16 A each is fair, although the single-phase
        // car then gets a third of the other's power and much less of what it asked for.
        var scenario = ScenarioParser.Parse("""
            {
              "name": "mixed",
              "durationSeconds": 3600,
              "site": { "maxCurrentA": 32 },
              "chargePoints": [ { "id": "one", "maxCurrentA": 32 }, { "id": "three", "maxCurrentA": 32 } ],
              "vehicles": [
                { "id": "ev1", "chargePoint": "one", "arrive": 0, "depart": 3600, "phases": 1, "maxCurrentA": 32, "batteryWh": 80000, "initialSoc": 0.1 },
                { "id": "ev3", "chargePoint": "three", "arrive": 0, "depart": 3600, "phases": 3, "maxCurrentA": 32, "batteryWh": 80000, "initialSoc": 0.1 }
              ]
            }
            """);

        var report = new ScenarioRunner(scenario).Run();

        Assert.True(report.JainFairness >= 0.99, $"Jain (max-min reference) {report.JainFairness}");
        Assert.Equal(report.Vehicles[0].ReferenceWh, report.Vehicles[0].DeliveredWh, 0.02 * report.Vehicles[0].ReferenceWh);
    }
}
