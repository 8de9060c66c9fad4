using System.Net;
using System.Text;
using System.Text.Json;
using OpenCpm.Provisioning;
using OpenCpm.Tests.Api;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Demo;

/// <summary>
/// Issue 18, item 10: <c>opencpm demo --site site.json</c> runs a real site's file against simulators — one simulated
/// station per charge point, wired as the file says, and the simulated meter of the file's profile.
/// </summary>
public sealed class DemoSiteFileTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_runs_a_site_file_on_one_simulated_station_per_charge_point_with_its_limits_wiring_meter_and_authorization()
    {
        var (file, problem) = SiteFile.Parse(Provisioning.SiteFileTests.Sample);
        Assert.Null(problem);
        await using var demo = await DemoApplication.StartAsync(siteFile: file);
        using var client = await demo.CreateClientAsync();

        var network = await GetAsync(client, "/api/v1/network");
        Assert.Equal((40, 22000), (network.GetProperty("maxCurrentA").GetDouble(), network.GetProperty("maxPowerW").GetDouble()));
        var chargePoints = (await GetAsync(client, "/api/v1/network/chargepoints")).EnumerateArray().ToList();
        Assert.Equal(["garage-1", "garage-2", "yard-1"], chargePoints.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(demo.Site.Stations.Select(s => s.Address.ToString()), chargePoints.Select(c => c.GetProperty("address").GetString()));
        Assert.Equal(("singlePhase", "L3"), (demo.Site.Stations[2].Wiring.Connection.ToString() is var c ? char.ToLowerInvariant(c[0]) + c[1..] : "", demo.Site.Stations[2].Wiring.SinglePhase.ToString()));
        Assert.Equal("L2L3L1", demo.Site.Stations[1].Wiring.Rotation.ToString());
        Assert.Equal("cg-em24-e1", demo.Site.Meter.Profile.Id);
        await Eventually.TrueAsync(async () => (await GetAsync(client, "/api/v1/meter")).GetProperty("state").GetString() == "connected", Wait, "the simulated meter is read");
        Assert.True((await GetAsync(client, "/api/v1/authorization")).GetProperty("enabled").GetBoolean());

        // Authorization is on: a car on the single-phase station waits until the operator starts it without a card
        // (issue 18, item 3: the predefined token of the file), then charges on grid phase L3.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/sim/chargepoints/yard-1/plug", Json("""{ "phases": 1, "maxCurrentA": 16 }"""), Ct)).StatusCode);
        await Eventually.TrueAsync(async () => (await GetAsync(client, "/api/v1/chargepoints/yard-1")).GetProperty("limitedBy").GetString() == "authorization", Wait, "the car waits for authorization");
        var start = await client.PostAsync("/api/v1/chargepoints/yard-1/actions/start", null, Ct);
        Assert.True(start.StatusCode == HttpStatusCode.OK, await start.Content.ReadAsStringAsync(Ct));
        await Eventually.TrueAsync(
            async () => (await GetAsync(client, "/api/v1/chargepoints/yard-1")).GetProperty("gridCurrentA").GetProperty("l3").GetDouble() >= 6,
            TimeSpan.FromSeconds(30),
            "the car charges on grid L3");
        var charging = await GetAsync(client, "/api/v1/chargepoints/yard-1");
        Assert.Equal((0, 0), (charging.GetProperty("gridCurrentA").GetProperty("l1").GetDouble(), charging.GetProperty("gridCurrentA").GetProperty("l2").GetDouble()));
        Assert.True(charging.GetProperty("currentA").GetProperty("l1").GetDouble() >= 6, "the station measures it on its own L1");
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> GetAsync(HttpClient client, string path) => await (await client.GetAsync(path, Ct)).JsonAsync();
}
