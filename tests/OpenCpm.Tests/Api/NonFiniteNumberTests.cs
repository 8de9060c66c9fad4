using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Data;
using OpenCpm.Meter;
using OpenCpm.Protocols.Modbus;
using OpenCpm.Simulation.Meters;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Api;

/// <summary>
/// Issue 9, item 2, over HTTP: numbers that are not finite or not physical. Before, "Infinity" and a raw 1e400
/// answered 500 but were stored (the fuse limit gone, surviving a restart), and 1e308 was accepted with 200.
/// </summary>
public sealed class NonFiniteNumberTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    public static TheoryData<string, string, string> Refused => new()
    {
        { "/api/v1/network", """{"maxCurrentA":"Infinity"}""", "The request body is not valid JSON for this call: 'maxCurrentA' must be a finite number." },
        { "/api/v1/network", """{"maxCurrentA":1e400}""", "The request body is not valid JSON for this call: 'maxCurrentA' must be a finite number." },
        { "/api/v1/network", """{"maxCurrentA":"-Infinity"}""", "The request body is not valid JSON for this call: 'maxCurrentA' must be a finite number." },
        { "/api/v1/network", """{"maxCurrentA":63,"minChargingCurrentA":"NaN"}""", "The request body is not valid JSON for this call: 'minChargingCurrentA' must be a finite number." },
        { "/api/v1/network", """{"maxCurrentA":1e308}""", "The site's maximum current must be at most 4000 A but is 1E+308 A." },
        { "/api/v1/network", """{"maxCurrentA":63,"maxPowerW":1e12}""", "The maximum charging power must be more than 0 W and at most 10000000 W, or empty, but is 1000000000000 W." },
        { "/api/v1/network", """{"maxCurrentA":63,"rotationMinutes":1e300}""", "The rotation period must be 1 to 1440 minutes but is 15372286728.091 minutes." },
        { "/api/v1/network/clusters", """[{"id":"garage","maxCurrentA":1e400}]""", "The request body is not valid JSON for this call: '[0].maxCurrentA' must be a finite number." },
        { "/api/v1/network/chargepoints/cp1", """{"address":"127.77.0.1","maxCurrentA":"Infinity"}""", "The request body is not valid JSON for this call: 'maxCurrentA' must be a finite number." },
        { "/api/v1/network/chargepoints/cp1", """{"address":"127.77.0.1","maxCurrentA":100}""", "Charge point \"cp1\": its maximum current must be at most 80 A but is 100 A." },
        { "/api/v1/meter", """{"pollSeconds":"NaN"}""", "The request body is not valid JSON for this call: 'pollSeconds' must be a finite number." },
    };

    [Theory, MemberData(nameof(Refused))]
    public async Task Numbers_that_are_not_finite_or_not_physical_get_400_naming_the_field_and_nothing_is_stored(string path, string body, string detail)
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/network", new { maxCurrentA = 63 }, Ct)).StatusCode);
        var before = await StoredAsync(client);

        var response = await client.PutAsync(path, Json(body), Ct);

        Assert.Equal(detail, await ProblemAssert.DetailAsync(response, HttpStatusCode.BadRequest));
        Assert.Equal(before, await StoredAsync(client));
        Assert.Equal(63, app.Service<OpenCpm.Settings.SettingsService>().Current.Site.Site.MaxCurrentA);
    }

    [Fact]
    public async Task A_non_finite_limit_stored_by_an_older_version_never_breaks_the_api_and_healthz_says_so()
    {
        using var data = new TempDirectory();
        await using (var app = await OpenCpmApplication.StartAsync(data.Path))
        {
            using var client = await app.CreateClientAsync();
            Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/network", new { maxCurrentA = 63 }, Ct)).StatusCode);
            await using var db = await app.Service<IDbContextFactory<OpenCpmDbContext>>().CreateDbContextAsync(Ct);
            (await db.Site.SingleAsync(Ct)).MaxCurrentA = double.PositiveInfinity; // what the 500 used to leave behind
            await db.SaveChangesAsync(Ct);
        }

        await using var again = await OpenCpmApplication.StartAsync(data.Path);
        again.ErrorsExpected = true; // the control loop can't run on settings the allocator refuses (it logs why)
        using var admin = await again.CreateClientAsync();

        var network = await admin.GetAsync("/api/v1/network", Ct);
        Assert.Equal(HttpStatusCode.OK, network.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await network.JsonAsync()).GetProperty("maxCurrentA").ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/status", Ct)).StatusCode);
        var health = await again.CreateClient().GetAsync("/healthz", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(
            "Unhealthy: The stored settings are not valid: The site's maximum current must be at most 4000 A but is Infinity A.",
            await health.Content.ReadAsStringAsync(Ct));

        // The operator repairs it through the API.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/network", new { maxCurrentA = 63 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.CreateClient().GetAsync("/healthz", Ct)).StatusCode);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(1e9)]
    public async Task A_meter_reading_that_is_not_a_current_is_a_bad_reading_never_a_500(double currentA)
    {
        await using var meter = SimulatedGridMeter.Launch(MeterProfileCatalog.BuiltIn.Find("siemens-pac2200")!);
        meter.SetHouseholdLoad(new PhaseCurrents(currentA, 1, 1));
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();
        var put = await client.PutAsJsonAsync("/api/v1/meter", new { enabled = true, profile = "siemens-pac2200", host = "127.0.0.1", port = meter.Port, pollSeconds = 0.1 }, Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        // NaN registers already read as "no value"; ±∞ and 1e9 A are refused as not a current.
        await Eventually.TrueAsync(async () =>
            (await (await client.GetAsync("/api/v1/meter", Ct)).JsonAsync()).GetProperty("lastError").GetString()?.EndsWith("(profile 'siemens-pac2200').", StringComparison.Ordinal) == true);

        var poller = app.Service<GridMeterPoller>();
        Assert.Null(poller.Latest);
        Assert.NotEqual(GridMeterState.Connected, poller.State);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/status", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/meter", Ct)).StatusCode);

        meter.SetHouseholdLoad(new PhaseCurrents(7, 1, 1));
        await Eventually.TrueAsync(() => poller.Snapshot.FreshReading?.CurrentA.L1 == 7, because: "a good reading afterwards is taken again");
    }

    internal static async Task<string> StoredAsync(HttpClient client)
    {
        var texts = new List<string>();
        foreach (var path in new[] { "/api/v1/network", "/api/v1/network/clusters", "/api/v1/network/chargepoints", "/api/v1/meter", "/api/v1/ocpp", "/api/v1/authorization", "/api/v1/network/discovery" })
        {
            var response = await client.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync(Ct);
            texts.Add(path == "/api/v1/meter" ? JsonDocument.Parse(text).RootElement.GetProperty("settings").GetRawText() : text);
        }

        return string.Join("\n", texts);
    }
}
