using OpenCpm.Simulation.Scenarios;

namespace OpenCpm.Simulation.Tests.Scenarios;

public sealed class ScenarioParserTests
{
    private const string Valid = """
        {
          "name": "t",
          "durationSeconds": 60,
          "site": { "maxCurrentA": 32, "unbalancedLoadLimitA": null },
          "clusters": [ { "id": "garage", "maxCurrentA": 32 } ],
          "chargePoints": [ { "id": "cp1", "cluster": "garage", "connection": "threePhase", "rotation": "L2L3L1", "maxCurrentA": 32 } ],
          "vehicles": [ { "id": "ev1", "chargePoint": "cp1", "arrive": 0, "depart": 60, "phases": 3, "maxCurrentA": 16, "batteryWh": 50000, "initialSoc": 0.5 } ],
          "events": [ { "t": 10, "type": "siteLimit", "maxCurrentA": 20 } ]
        }
        """;

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "unknown field", Valid.Replace("\"name\": \"t\",", "\"name\": \"t\", \"colour\": \"red\",", StringComparison.Ordinal), "$.colour: is not a field of the scenario format." },
        { "unknown nested field", Valid.Replace("\"maxCurrentA\": 32, \"unbalancedLoadLimitA\"", "\"maxCurrentA\": 32, \"maxCurentA\": 1, \"unbalancedLoadLimitA\"", StringComparison.Ordinal), "$.site.maxCurentA: is not a field of the scenario format." },
        { "missing required field", Valid.Replace("\"durationSeconds\": 60,", "", StringComparison.Ordinal), "$.durationSeconds: is required." },
        { "missing required nested field", Valid.Replace("\"batteryWh\": 50000, ", "", StringComparison.Ordinal), "$.vehicles[0].batteryWh: is required." },
        { "wrong type", Valid.Replace("\"durationSeconds\": 60", "\"durationSeconds\": \"60\"", StringComparison.Ordinal), "$.durationSeconds: must be a whole number." },
        { "wrong nested type", Valid.Replace("\"phases\": 3", "\"phases\": 2.5", StringComparison.Ordinal), "$.vehicles[0].phases: must be a whole number." },
        { "comment", Valid.Replace("\"name\": \"t\",", "\"name\": \"t\", // the name", StringComparison.Ordinal), "$: comments are not allowed (line 2)." },
        { "bad connection", Valid.Replace("threePhase", "twoPhase", StringComparison.Ordinal), "$.chargePoints[0].connection: must be \"threePhase\" or \"singlePhase\" but is \"twoPhase\"." },
        { "bad rotation", Valid.Replace("L2L3L1", "L1L3L2", StringComparison.Ordinal), "$.chargePoints[0].rotation: must be L1L2L3, L2L3L1 or L3L1L2 but is \"L1L3L2\"." },
        { "rotation as a number", Valid.Replace("\"L2L3L1\"", "\"1\"", StringComparison.Ordinal), "$.chargePoints[0].rotation: must be L1L2L3, L2L3L1 or L3L1L2 but is \"1\"." },
        { "bad phase", Valid.Replace("\"rotation\": \"L2L3L1\"", "\"phase\": \"L4\"", StringComparison.Ordinal), "$.chargePoints[0].phase: must be L1, L2 or L3 but is \"L4\"." },
        { "bad cluster phase", Valid.Replace("{ \"id\": \"garage\", \"maxCurrentA\": 32 }", "{ \"id\": \"garage\", \"maxCurrentA\": 32, \"phases\": [\"L1\", \"N\"] }", StringComparison.Ordinal), "$.clusters[0].phases: must list L1, L2 or L3 but has \"N\"." },
        { "vehicle on unknown charge point", Valid.Replace("\"chargePoint\": \"cp1\"", "\"chargePoint\": \"cp9\"", StringComparison.Ordinal), "$.vehicles[0].chargePoint: no charge point has the id \"cp9\"." },
        { "four phases", Valid.Replace("\"phases\": 3", "\"phases\": 4", StringComparison.Ordinal), "$.vehicles[0].phases: must be 1, 2 or 3 but is 4." },
        { "slow reaction", Valid.Replace("\"initialSoc\": 0.5", "\"initialSoc\": 0.5, \"reactionSeconds\": 6", StringComparison.Ordinal), "$.vehicles[0].reactionSeconds: must be between 0 and 5 but is 6." },
        { "unknown event type", Valid.Replace("siteLimit", "meterExplodes", StringComparison.Ordinal), "$.events[0].type: must be one of meterOffline, chargePointOffline, siteLimit, chargePointLimit but is \"meterExplodes\"." },
        { "event without its field", Valid.Replace(", \"maxCurrentA\": 20", "", StringComparison.Ordinal), "$.events[0].maxCurrentA: is required and must be 0 or more." },
        { "cluster limit above site limit", Valid.Replace("{ \"id\": \"garage\", \"maxCurrentA\": 32 }", "{ \"id\": \"garage\", \"maxCurrentA\": 40 }", StringComparison.Ordinal), "$.clusters[0].maxCurrentA: must not be above the site's maxCurrentA (32) but is 40." },
        { "trailing comma", Valid.Replace("\"initialSoc\": 0.5", "\"initialSoc\": 0.5,", StringComparison.Ordinal), "$.vehicles[0]: a trailing comma is not allowed (line 7)." },
        { "string as a number", Valid.Replace("\"name\": \"t\"", "\"name\": 7", StringComparison.Ordinal), "$.name: must be a string." },
        { "optional number as a string", Valid.Replace("\"unbalancedLoadLimitA\": null", "\"unbalancedLoadLimitA\": \"20\"", StringComparison.Ordinal), "$.site.unbalancedLoadLimitA: must be a number." },
        { "object as a list", Valid.Replace("\"site\": {", "\"site\": [ {", StringComparison.Ordinal).Replace("null },", "null } ],", StringComparison.Ordinal), "$.site: must be an object." },
        { "list as an object", Valid.Replace("\"events\": [ { \"t\": 10, \"type\": \"siteLimit\", \"maxCurrentA\": 20 } ]", "\"events\": { }", StringComparison.Ordinal), "$.events: must be a list." },
        { "null", "null", "$: the scenario must be a JSON object, not null." },
    };

    [Fact]
    public void Reads_a_valid_scenario()
    {
        var scenario = ScenarioParser.Parse(Valid);

        Assert.Equal("t", scenario.Name);
        Assert.Equal(1, scenario.StepSeconds);
        Assert.Equal("L2L3L1", scenario.ChargePoints[0].Rotation);
        Assert.Equal(2, scenario.Vehicles[0].ReactionSeconds);
        Assert.Equal(20, scenario.Events[0].MaxCurrentA);
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Rejects_a_malformed_scenario_naming_the_field(string problem, string json, string expected)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse(json));

        Assert.True(expected == e.Message, $"{problem}: {e.Message}");
    }
}
