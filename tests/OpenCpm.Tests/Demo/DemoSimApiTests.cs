using System.Net;
using System.Net.Http.Json;
using System.Text;
using OpenCpm.Tests.Api;

namespace OpenCpm.Tests.Demo;

/// <summary>/api/v1/sim of the demo against the real simulated site (UDP stations, Modbus meter) and the real host.</summary>
public sealed class DemoSimApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Plug_puts_a_vehicle_on_the_charge_points_simulated_station()
    {
        await using var demo = await DemoApplication.StartAsync();
        using var client = await demo.CreateClientAsync();

        var response = await client.PostAsync("/api/v1/sim/chargepoints/cp2/plug",
            Json("""{ "phases": 1, "maxCurrentA": 16, "batteryWh": 40000, "initialSoc": 0.25, "targetSoc": 0.8 }"""), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("cp2", body.GetProperty("id").GetString());
        Assert.True(body.GetProperty("plugged").GetBoolean());
        Assert.Equal(0.25, body.GetProperty("soc").GetDouble(), 0.001);
        var station = demo.Site.Stations[1];
        Assert.Equal(demo.Options.StationAddresses![1].ToString(), body.GetProperty("address").GetString());
        var vehicle = station.Station.Inspect(m => m.Vehicle!.Spec);
        Assert.Equal((1, 16.0, 40000.0, 0.25, 0.8), (vehicle.Phases, vehicle.MaxCurrentA, vehicle.BatteryWh, vehicle.InitialSoc, vehicle.TargetSoc));
        Assert.Null(demo.Site.Stations[0].VehicleSoc());

        var unplugged = await client.PostAsync("/api/v1/sim/chargepoints/cp2/unplug", null, Ct);
        Assert.Equal(HttpStatusCode.OK, unplugged.StatusCode);
        Assert.Null(station.VehicleSoc());
    }

    public static TheoryData<string, string> BadPlugBodies => new()
    {
        { """{ "phases": 4 }""", "'phases' must be 1, 2 or 3 but was 4." },
        { """{ "maxCurrentA": 3 }""", "'maxCurrentA' must be between 6 and 80 A but was 3." },
        { """{ "batteryWh": 0 }""", "'batteryWh' must be more than 0 and at most 300000 Wh but was 0." },
        { """{ "initialSoc": 30 }""", "'initialSoc' must be a fraction between 0 and 1 but was 30." },
        { """{ "targetSoc": -0.1 }""", "'targetSoc' must be a fraction between 0 and 1 but was -0.1." },
    };

    [Theory]
    [MemberData(nameof(BadPlugBodies))]
    public async Task A_bad_plug_body_is_refused_with_problem_json_naming_the_field(string json, string detail)
    {
        await using var demo = await DemoApplication.StartAsync(stations: 1);
        using var client = await demo.CreateClientAsync();

        var response = await client.PostAsync("/api/v1/sim/chargepoints/cp1/plug", Json(json), Ct);

        Assert.Equal(detail, await ProblemAssert.DetailAsync(response, HttpStatusCode.BadRequest));
        Assert.Null(demo.Site.Stations[0].VehicleSoc());
    }

    [Fact]
    public async Task Malformed_json_and_bad_cards_and_household_loads_are_refused_naming_the_field()
    {
        await using var demo = await DemoApplication.StartAsync(stations: 1);
        using var client = await demo.CreateClientAsync();

        var wrongType = await client.PostAsync("/api/v1/sim/chargepoints/cp1/plug", Json("""{ "phases": "three" }"""), Ct);
        Assert.Equal("The request body is not valid JSON for this call: 'phases' must be a whole number in range.", await ProblemAssert.DetailAsync(wrongType, HttpStatusCode.BadRequest));

        var card = await client.PostAsync("/api/v1/sim/chargepoints/cp1/swipe", Json("""{ "uid": "not-hex" }"""), Ct);
        Assert.Equal("'uid' must be 1 to 16 hex digits but was \"not-hex\".", await ProblemAssert.DetailAsync(card, HttpStatusCode.BadRequest));

        var household = await client.PutAsync("/api/v1/sim/household", Json("""{ "l1": 1, "l2": 2 }"""), Ct);
        Assert.Equal("'l3' must be given (amperes).", await ProblemAssert.DetailAsync(household, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Unknown_charge_points_are_404_and_calls_without_a_token_are_401()
    {
        await using var demo = await DemoApplication.StartAsync(stations: 1);
        using var client = await demo.CreateClientAsync();
        using var anonymous = demo.CreateClient();

        var unknown = await client.PostAsync("/api/v1/sim/chargepoints/cp9/plug", Json("{}"), Ct);
        Assert.Equal("There is no charge point \"cp9\".", await ProblemAssert.DetailAsync(unknown, HttpStatusCode.NotFound));
        await ProblemAssert.IsProblemAsync(await client.PostAsync("/api/v1/sim/chargepoints/cp9/unplug", null, Ct), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await client.PostAsync("/api/v1/sim/chargepoints/cp9/swipe", Json("""{ "uid": "ab" }"""), Ct), HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/sim/chargepoints/cp1/plug", Json("{}"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsync("/api/v1/sim/household", Json("""{ "l1": 1, "l2": 1, "l3": 1 }"""), Ct)).StatusCode);
        Assert.Null(demo.Site.Stations[0].VehicleSoc());
    }

    [Fact]
    public async Task Household_put_changes_what_the_simulated_meter_serves_over_modbus()
    {
        await using var demo = await DemoApplication.StartAsync(stations: 1);
        using var client = await demo.CreateClientAsync();

        var response = await client.PutAsync("/api/v1/sim/household", Json("""{ "l1": 12.5, "l2": 3, "l3": -2 }"""), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var values = await demo.ReadMeterAsync();
        Assert.Equal(12.5, values.CurrentL1A!.Value, 0.01);
        Assert.Equal(3, values.CurrentL2A!.Value, 0.01);
        Assert.Equal(-2, values.CurrentL3A!.Value, 0.01);
        var get = await (await client.GetAsync("/api/v1/sim/household", Ct)).JsonAsync();
        Assert.Equal(12.5, get.GetProperty("l1").GetDouble());
    }

    [Fact]
    public async Task A_swiped_card_reaches_the_station_and_a_plugged_vehicle_shows_in_the_meter_through_the_wiring()
    {
        await using var demo = await DemoApplication.StartAsync(stations: 2);
        using var client = await demo.CreateClientAsync();
        await client.PutAsync("/api/v1/sim/household", Json("""{ "l1": 0, "l2": 0, "l3": 0 }"""), Ct);

        var swipe = await client.PostAsync("/api/v1/sim/chargepoints/cp1/swipe", Json("""{ "uid": "04A1B2C3" }"""), Ct);
        Assert.Equal(HttpStatusCode.OK, swipe.StatusCode);
        Assert.True(demo.Site.Stations[0].Station.Inspect(m => m.Authorized));

        // cp2 is wired L2L3L1: a single-phase vehicle on station L1 loads grid L2.
        await client.PostAsync("/api/v1/sim/chargepoints/cp2/plug", Json("""{ "phases": 1, "maxCurrentA": 10 }"""), Ct);
        await Shared.Eventually.TrueAsync(async () => (await demo.ReadMeterAsync()).CurrentL2A > 5, TimeSpan.FromSeconds(20), "the vehicle on cp2 draws on grid L2");
        var values = await demo.ReadMeterAsync();
        Assert.Equal(0, values.CurrentL1A!.Value, 0.01);
        Assert.Equal(0, values.CurrentL3A!.Value, 0.01);
        var sim = await (await client.GetAsync("/api/v1/sim/chargepoints/cp2", Ct)).JsonAsync();
        Assert.Equal(0, sim.GetProperty("currentA").GetProperty("l1").GetDouble());
        Assert.True(sim.GetProperty("currentA").GetProperty("l2").GetDouble() > 5);
    }

    [Fact]
    public async Task The_demo_settings_describe_the_simulated_site_and_point_at_the_simulated_meter()
    {
        await using var demo = await DemoApplication.StartAsync(stations: 4, clusters: 2, csmsUrl: "ws://127.0.0.1:9/ocpp", chargeBoxId: "demo-box");
        using var client = await demo.CreateClientAsync();

        var network = await (await client.GetAsync("/api/v1/network", Ct)).JsonAsync();
        Assert.Equal(63, network.GetProperty("maxCurrentA").GetDouble());
        Assert.True(network.GetProperty("clustersEnabled").GetBoolean());
        Assert.Equal(0, network.GetProperty("warnings").GetArrayLength());
        var clusters = await (await client.GetAsync("/api/v1/network/clusters", Ct)).JsonAsync();
        Assert.Equal(["cluster1", "cluster2"], clusters.EnumerateArray().Select(c => c.GetProperty("id").GetString()));

        var chargePoints = (await (await client.GetAsync("/api/v1/network/chargepoints", Ct)).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(["cp1", "cp2", "cp3", "cp4"], chargePoints.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal([1, 2, 3, 4], chargePoints.Select(c => c.GetProperty("connectorId").GetInt32()));
        Assert.Equal(demo.Options.StationAddresses!.Select(a => a.ToString()), chargePoints.Select(c => c.GetProperty("address").GetString()));
        Assert.Equal(["90000001", "90000002", "90000003", "90000004"], chargePoints.Select(c => c.GetProperty("serial").GetString()));
        Assert.Equal(["L1L2L3", "L2L3L1", "L3L1L2", "L1L2L3"], chargePoints.Select(c => c.GetProperty("rotation").GetString()));
        Assert.Equal(["cluster1", "cluster1", "cluster2", "cluster2"], chargePoints.Select(c => c.GetProperty("cluster").GetString()));
        Assert.All(chargePoints, c => Assert.Equal("Keba", c.GetProperty("driver").GetString()));

        var meter = (await (await client.GetAsync("/api/v1/meter", Ct)).JsonAsync()).GetProperty("settings");
        Assert.True(meter.GetProperty("enabled").GetBoolean());
        Assert.Equal("keba-e10", meter.GetProperty("profile").GetString());
        Assert.Equal("127.0.0.1", meter.GetProperty("host").GetString());
        Assert.Equal(demo.Site.MeterPort, meter.GetProperty("port").GetInt32());

        var ocpp = await (await client.GetAsync("/api/v1/ocpp", Ct)).JsonAsync();
        Assert.Equal("ws://127.0.0.1:9/ocpp", ocpp.GetProperty("url").GetString());
        Assert.Equal("demo-box", ocpp.GetProperty("chargeBoxId").GetString());
        demo.ErrorsExpected = true; // nothing listens at the preset backend
    }

    [Fact]
    public async Task A_second_run_on_the_same_data_folder_keeps_the_settings_and_follows_the_new_meter_port()
    {
        using var data = new Shared.TempDirectory();
        await using (var first = await DemoApplication.StartAsync(stations: 2, dataDirectory: data.Path))
        {
            using var client = await first.CreateClientAsync();
            var put = await client.PutAsJsonAsync("/api/v1/network", new { maxCurrentA = 40, minChargingCurrentA = 6, rotationMinutes = 15, nominalVoltageV = 230 }, Ct);
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        await using var second = await DemoApplication.StartAsync(stations: 2, dataDirectory: data.Path);
        using var again = await second.CreateClientAsync();
        var network = await (await again.GetAsync("/api/v1/network", Ct)).JsonAsync();
        Assert.Equal(40, network.GetProperty("maxCurrentA").GetDouble());
        var meter = (await (await again.GetAsync("/api/v1/meter", Ct)).JsonAsync()).GetProperty("settings");
        Assert.Equal(second.Site.MeterPort, meter.GetProperty("port").GetInt32());
    }
}
