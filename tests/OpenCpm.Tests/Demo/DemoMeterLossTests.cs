using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenCpm.Tests.Api;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Demo;

/// <summary>
/// Issue 18, item 1 end to end: the demo's simulated grid meter stops answering (PUT /api/v1/sim/meter) on a site
/// without a meter fallback power. Charging stops with the reason <c>meterLost</c>, the event log says so once, and
/// charging resumes when the meter answers again. The meter is polled every 0.1 s, so it is lost after 1 s.
/// </summary>
public sealed class DemoMeterLossTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_lost_meter_without_fallback_power_stops_charging_with_reason_meterLost_logs_it_once_and_charging_resumes_when_it_is_back()
    {
        await using var demo = await DemoApplication.StartAsync(stations: 1);
        using var client = await demo.CreateClientAsync();
        await PutChangedAsync(client, "/api/v1/network", network => network.Remove("meterFallbackPowerW"));
        await PutChangedAsync(client, "/api/v1/meter", meter => meter["pollSeconds"] = 0.1, from: "settings");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/sim/chargepoints/cp1/plug", Json("""{ "phases": 3, "maxCurrentA": 16 }"""), Ct)).StatusCode);
        await Eventually.TrueAsync(async () => await ChargePointAsync(client) is { } cp && cp.GetProperty("setpointA").GetDouble() >= 6 && cp.GetProperty("commandedA") is { ValueKind: JsonValueKind.Number } a && a.GetDouble() >= 6, Wait, "cp1 gets current");

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/v1/sim/meter", Json("""{ "fault": "silent" }"""), Ct)).StatusCode);

        await Eventually.TrueAsync(
            async () => await ChargePointAsync(client) is { } cp && cp.GetProperty("limitedBy").GetString() == "meterLost" && cp.GetProperty("commandedA").GetDouble() == 0,
            Wait,
            "cp1 is stopped because the meter is lost");
        var status = await (await client.GetAsync("/api/v1/status", Ct)).JsonAsync();
        Assert.Equal("lost", status.GetProperty("meter").GetProperty("state").GetString());
        Assert.Equal(0, status.GetProperty("allocation").GetProperty("site").GetProperty("limitA").GetDouble());
        Assert.Equal(0, (await ChargePointAsync(client)).GetProperty("setpointA").GetDouble());
        // The event log is written on the operator warnings' own loop, a moment after the cycle that saw the meter lost.
        await Eventually.TrueAsync(async () => (await EventsAsync(client, "?level=Warning&source=meter")).Count > 0, Wait, "the lost meter is logged");
        var lost = Assert.Single(await EventsAsync(client, "?level=Warning&source=meter"));
        Assert.Contains("charging is stopped", lost.GetProperty("message").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/v1/sim/meter", Json("""{ "fault": "none" }"""), Ct)).StatusCode);

        await Eventually.TrueAsync(
            async () => await ChargePointAsync(client) is { } cp && cp.GetProperty("limitedBy").GetString() != "meterLost" && cp.GetProperty("commandedA").GetDouble() >= 6,
            Wait,
            "cp1 charges again");
        await Eventually.TrueAsync(async () => (await EventsAsync(client, "?source=meter")).Count == 2, Wait, "the meter's return is logged");
        var meterEvents = await EventsAsync(client, "?source=meter");
        Assert.Equal(["Info", "Warning"], meterEvents.Select(e => e.GetProperty("level").GetString()));
        Assert.Contains("answers again", meterEvents[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    /// <summary>GETs the resource (or its <paramref name="from"/> part), changes it and PUTs it back.</summary>
    internal static async Task PutChangedAsync(HttpClient client, string path, Action<JsonObject> change, string? from = null)
    {
        var node = JsonNode.Parse(await client.GetStringAsync(path, Ct))!.AsObject();
        var body = from is null ? node : node[from]!.AsObject();
        body.Remove("warnings");
        change(body);
        var response = await client.PutAsync(path, Json(body.ToJsonString()), Ct);
        Assert.True(response.IsSuccessStatusCode, $"PUT {path}: {await response.Content.ReadAsStringAsync(Ct)}");
    }

    private static async Task<JsonElement> ChargePointAsync(HttpClient client) =>
        await (await client.GetAsync("/api/v1/chargepoints/cp1", Ct)).JsonAsync();

    private static async Task<List<JsonElement>> EventsAsync(HttpClient client, string query) =>
        [.. (await (await client.GetAsync("/api/v1/events" + query, Ct)).JsonAsync()).GetProperty("items").EnumerateArray()];
}
