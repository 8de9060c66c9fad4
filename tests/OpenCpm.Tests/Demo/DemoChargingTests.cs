using System.Net;
using System.Text;
using System.Text.Json;
using OpenCpm.Tests.Api;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Demo;

/// <summary>
/// The demo end to end with the control loop: vehicles plugged through /api/v1/sim charge under the controller's
/// setpoints, and the grid meter (read over Modbus like the controller does) stays within the site limit. Real
/// time: a current change reaches a P30's pilot after 6.5 s and the vehicle 2 s later.
/// </summary>
public sealed class DemoChargingTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(45);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_plugged_vehicle_charges_within_the_setpoint_the_controller_gives_its_charge_point()
    {
        await using var demo = await DemoApplication.StartAsync(stations: 2);
        using var client = await demo.CreateClientAsync();

        var plug = await client.PostAsync("/api/v1/sim/chargepoints/cp1/plug", Json("""{ "phases": 3, "maxCurrentA": 16, "initialSoc": 0.5, "targetSoc": 0.9 }"""), Ct);
        Assert.Equal(HttpStatusCode.OK, plug.StatusCode);

        var station = demo.Site.Stations[0];
        await Eventually.TrueAsync(
            async () => await ChargePointAsync(client, "cp1") is var cp && cp.GetProperty("state").GetString() == "charging" && cp.GetProperty("setpointA").GetDouble() >= 6,
            Settle,
            "cp1 charges with a setpoint");
        await Eventually.TrueAsync(() => station.VehicleSoc() > 0.5, Settle, "the vehicle's battery fills");
        var setpointA = (await ChargePointAsync(client, "cp1")).GetProperty("setpointA").GetDouble();
        Assert.InRange(station.GridCurrents().Max, 6, Math.Min(16, setpointA) + 0.01);
        Assert.Equal("idle", (await ChargePointAsync(client, "cp2")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task With_every_station_busy_the_meter_stays_within_the_site_limit()
    {
        await using var demo = await DemoApplication.StartAsync(stations: 6);
        using var client = await demo.CreateClientAsync();
        var limitA = (await (await client.GetAsync("/api/v1/network", Ct)).JsonAsync()).GetProperty("maxCurrentA").GetDouble();

        for (var k = 1; k <= 6; k++)
        {
            var plug = await client.PostAsync($"/api/v1/sim/chargepoints/cp{k}/plug", Json("""{ "phases": 3, "maxCurrentA": 32 }"""), Ct);
            Assert.Equal(HttpStatusCode.OK, plug.StatusCode);
        }

        // Unmanaged, six 32 A vehicles would take 192 A per phase.
        await Eventually.TrueAsync(
            async () => Max(await demo.ReadMeterAsync()) <= limitA + 0.5 && demo.Site.ChargingLoad().Max >= 3 * 6,
            Settle,
            $"the meter reads at most {limitA} A per phase with vehicles charging");
        var status = await (await client.GetAsync("/api/v1/status", Ct)).JsonAsync();
        var site = status.GetProperty("allocation").GetProperty("site");
        Assert.True(site.GetProperty("l1").GetDouble() <= limitA, $"setpoints on L1 add up to {site.GetProperty("l1")} A");
        Assert.True(Max(await demo.ReadMeterAsync()) <= limitA + 0.5);
    }

    [Fact]
    public async Task A_household_step_set_through_the_sim_api_reduces_charging_on_that_phase()
    {
        await using var demo = await DemoApplication.StartAsync(stations: 1);
        using var client = await demo.CreateClientAsync();
        await client.PutAsync("/api/v1/sim/household", Json("""{ "l1": 0, "l2": 0, "l3": 0 }"""), Ct);
        await client.PostAsync("/api/v1/sim/chargepoints/cp1/plug", Json("""{ "phases": 3, "maxCurrentA": 32 }"""), Ct);
        var station = demo.Site.Stations[0];
        await Eventually.TrueAsync(() => station.GridCurrents().L1 > 31, Settle, "the lone vehicle takes its 32 A");

        var step = await client.PutAsync("/api/v1/sim/household", Json("""{ "l1": 45, "l2": 0, "l3": 0 }"""), Ct);
        Assert.Equal(HttpStatusCode.OK, step.StatusCode);

        // 63 A site limit − 45 A household leaves 18 A for charging on L1.
        await Eventually.TrueAsync(
            async () => station.GridCurrents().L1 is > 5 and <= 18.01 && (await demo.ReadMeterAsync()).CurrentL1A <= 63.5,
            Settle,
            "charging on L1 drops to what the household leaves");

        // The status shows the household load the controller counted with: the meter minus what the station draws.
        await Eventually.TrueAsync(
            async () => (await (await client.GetAsync("/api/v1/status", Ct)).JsonAsync()).GetProperty("allocation").GetProperty("householdA") is
                { ValueKind: JsonValueKind.Object } household && Math.Abs(household.GetProperty("l1").GetDouble() - 45) < 1 && Math.Abs(household.GetProperty("l2").GetDouble()) < 1,
            Settle,
            "the status shows a household of 45 A on L1 and none on L2");
    }

    private static double Max(Protocols.Modbus.MeterValues values) =>
        Math.Max(values.CurrentL1A ?? 0, Math.Max(values.CurrentL2A ?? 0, values.CurrentL3A ?? 0));

    private static async Task<JsonElement> ChargePointAsync(HttpClient client, string id) =>
        await (await client.GetAsync($"/api/v1/chargepoints/{id}", Ct)).JsonAsync();
}
