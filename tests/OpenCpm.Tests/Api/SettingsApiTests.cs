using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Api;

public sealed class SettingsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Site_settings_start_with_defaults_and_survive_a_restart()
    {
        using var data = new Shared.TempDirectory();
        await using (var app = await OpenCpmApplication.StartAsync(data.Path))
        {
            using var client = await app.CreateClientAsync();
            var defaults = await (await client.GetAsync("/api/v1/network", Ct)).JsonAsync();
            Assert.Equal(32, defaults.GetProperty("maxCurrentA").GetDouble());
            Assert.Equal(6, defaults.GetProperty("minChargingCurrentA").GetDouble());
            Assert.Equal(15, defaults.GetProperty("rotationMinutes").GetDouble());
            Assert.Equal(JsonValueKind.Null, defaults.GetProperty("unbalancedLoadLimitA").ValueKind);

            var put = await client.PutAsJsonAsync("/api/v1/network", new
            {
                maxCurrentA = 63,
                minChargingCurrentA = 8,
                unbalancedLoadLimitA = 20,
                clustersEnabled = true,
                rotationMinutes = 30,
                maxPowerW = 40000,
                nominalVoltageV = 230,
                meterFallbackPowerW = 11000,
            }, Ct);
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        await using (var again = await OpenCpmApplication.StartAsync(data.Path))
        {
            using var client = await again.CreateClientAsync();
            var site = await (await client.GetAsync("/api/v1/network", Ct)).JsonAsync();
            Assert.Equal(63, site.GetProperty("maxCurrentA").GetDouble());
            Assert.Equal(8, site.GetProperty("minChargingCurrentA").GetDouble());
            Assert.Equal(20, site.GetProperty("unbalancedLoadLimitA").GetDouble());
            Assert.True(site.GetProperty("clustersEnabled").GetBoolean());
            Assert.Equal(30, site.GetProperty("rotationMinutes").GetDouble());
            Assert.Equal(40000, site.GetProperty("maxPowerW").GetDouble());
            Assert.Equal(11000, site.GetProperty("meterFallbackPowerW").GetDouble());
        }
    }

    [Fact]
    public async Task Invalid_site_settings_are_refused_with_the_validators_sentences_and_nothing_is_saved()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();

        var response = await client.PutAsJsonAsync("/api/v1/network", new { maxCurrentA = 32, minChargingCurrentA = 5, rotationMinutes = 0 }, Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(
            ["The minimum charging current must be at least 6 A (IEC 61851) but is 5 A.", "The rotation period must be 1 to 1440 minutes but is 0 minutes."],
            problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.Equal(
            "The minimum charging current must be at least 6 A (IEC 61851) but is 5 A. The rotation period must be 1 to 1440 minutes but is 0 minutes.",
            problem.GetProperty("detail").GetString());
        Assert.Equal(6, (await (await client.GetAsync("/api/v1/network", Ct)).JsonAsync()).GetProperty("minChargingCurrentA").GetDouble());
    }

    [Fact]
    public async Task A_cluster_above_the_site_limit_is_refused()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();

        var response = await client.PutAsJsonAsync("/api/v1/network/clusters", new[] { new { id = "garage", maxCurrentA = 40 } }, Ct);

        Assert.Equal(
            "Cluster \"garage\": its limit of 40 A is above the site limit of 32 A.",
            await ProblemAssert.DetailAsync(response, HttpStatusCode.BadRequest));
        Assert.Empty((await (await client.GetAsync("/api/v1/network/clusters", Ct)).JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Clusters_and_charge_points_round_trip()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();
        await client.PutAsJsonAsync("/api/v1/network", new { maxCurrentA = 63, clustersEnabled = true }, Ct);

        var clusters = await client.PutAsJsonAsync("/api/v1/network/clusters", new object[]
        {
            new { id = "garage", maxCurrentA = 32, phases = new[] { "L1", "L2", "L3" }, minChargingCurrentA = 8 },
            new { id = "yard", maxCurrentA = 16, phases = new[] { "L2" } },
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, clusters.StatusCode);

        var cp1 = await client.PutAsJsonAsync("/api/v1/network/chargepoints/cp1", new
        {
            serial = "22000001",
            address = "127.78.42.11",
            driver = "Keba",
            displayName = "Garage left",
            cluster = "garage",
            connection = "ThreePhase",
            rotation = "L2L3L1",
            maxCurrentA = 32,
            failsafeCurrentA = 6,
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, cp1.StatusCode);
        var cp2 = await client.PutAsJsonAsync("/api/v1/network/chargepoints/cp2", new
        {
            address = "127.78.42.12",
            cluster = "yard",
            connection = "singlePhase",
            singlePhase = "L2",
            maxCurrentA = 16,
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, cp2.StatusCode);

        var got = await (await client.GetAsync("/api/v1/network/chargepoints/cp1", Ct)).JsonAsync();
        Assert.Equal("22000001", got.GetProperty("serial").GetString());
        Assert.Equal("127.78.42.11", got.GetProperty("address").GetString());
        Assert.Equal(1, got.GetProperty("connectorId").GetInt32());
        Assert.Equal("Garage left", got.GetProperty("displayName").GetString());
        Assert.Equal("garage", got.GetProperty("cluster").GetString());
        Assert.Equal("L2L3L1", got.GetProperty("rotation").GetString());
        Assert.Equal(6, got.GetProperty("failsafeCurrentA").GetDouble());
        var second = await (await client.GetAsync("/api/v1/network/chargepoints/cp2", Ct)).JsonAsync();
        Assert.Equal(2, second.GetProperty("connectorId").GetInt32());
        Assert.Equal("SinglePhase", second.GetProperty("connection").GetString());
        Assert.Equal("L2", second.GetProperty("singlePhase").GetString());

        var list = await (await client.GetAsync("/api/v1/network/clusters", Ct)).JsonAsync();
        Assert.Equal(["garage", "yard"], list.EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToArray());
        Assert.Equal(["L2"], list[1].GetProperty("phases").EnumerateArray().Select(p => p.GetString()).ToArray());
        Assert.Equal(8, list[0].GetProperty("minChargingCurrentA").GetDouble());

        // Saving the site keeps the charge points' identity.
        await client.PutAsJsonAsync("/api/v1/network", new { maxCurrentA = 80, clustersEnabled = true }, Ct);
        Assert.Equal("22000001", (await (await client.GetAsync("/api/v1/network/chargepoints/cp1", Ct)).JsonAsync()).GetProperty("serial").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/v1/network/chargepoints/cp2", Ct)).StatusCode);
        Assert.Single((await (await client.GetAsync("/api/v1/network/chargepoints", Ct)).JsonAsync()).EnumerateArray());
    }

    public static TheoryData<string, object, string> BadChargePoints => new()
    {
        { "cp9", new { address = "127.78.42.19", cluster = "nowhere" }, "Charge point \"cp9\" is in cluster \"nowhere\", which does not exist." },
        { "cp9", new { address = "127.78.42.19", maxCurrentA = 5 }, "Charge point \"cp9\": its maximum current of 5 A is below the minimum charging current of 6 A." },
        { "cp9", new { address = "127.78.42.19", failsafeCurrentA = 3 }, "Charge point \"cp9\": the failsafe current must be 0 (stop) or at least 6 A but is 3 A." },
        { "cp9", new { address = "station-9" }, "Charge point \"cp9\": the address must be an IPv4 address written as four numbers (a.b.c.d) but is \"station-9\"." },
        { "cp9", new { driver = "Keba" }, "Charge point \"cp9\": a KEBA station needs its IP address." },
        { "cp9", new { address = "127.78.42.19", connectorId = 1 }, "Charge point \"cp9\": connector id 1 is already used by charge point \"cp1\"." },
        { "cp9", new { id = "cp8", address = "127.78.42.19" }, "The body's id \"cp8\" differs from the path's \"cp9\"." },
    };

    [Theory]
    [MemberData(nameof(BadChargePoints))]
    public async Task Invalid_charge_points_are_refused_with_a_sentence(string id, object body, string detail)
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();
        await client.PutAsJsonAsync("/api/v1/network", new { maxCurrentA = 32, clustersEnabled = true }, Ct);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/network/chargepoints/cp1", new { address = "127.78.42.11" }, Ct)).StatusCode);

        var response = await client.PutAsJsonAsync($"/api/v1/network/chargepoints/{id}", body, Ct);

        Assert.Equal(detail, await ProblemAssert.DetailAsync(response, HttpStatusCode.BadRequest));
        await ProblemAssert.IsProblemAsync(await client.GetAsync($"/api/v1/network/chargepoints/{id}", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Failsafe_currents_above_the_site_limit_are_saved_with_a_warning()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();
        await client.PutAsJsonAsync("/api/v1/network", new { maxCurrentA = 16 }, Ct);
        await client.PutAsJsonAsync("/api/v1/network/chargepoints/cp1", new { address = "127.77.0.1", maxCurrentA = 16, failsafeCurrentA = 10 }, Ct);
        await client.PutAsJsonAsync("/api/v1/network/chargepoints/cp2", new { address = "127.77.0.2", maxCurrentA = 16, failsafeCurrentA = 10 }, Ct);

        var site = await (await client.GetAsync("/api/v1/network", Ct)).JsonAsync();

        Assert.Equal(
            "The failsafe currents add up to 20 A on the most loaded phase, above the site limit of 16 A: if the controller fails, the stations together may overload the grid connection.",
            Assert.Single(site.GetProperty("warnings").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Meter_settings_round_trip_and_are_validated()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();

        var bad = await client.PutAsJsonAsync("/api/v1/meter", new { enabled = true, host = "127.77.0.5", port = 70000 }, Ct);
        Assert.Equal(
            "The meter profile must be given when the meter is enabled. The meter's port must be 1..65535 but is 70000.",
            await ProblemAssert.DetailAsync(bad, HttpStatusCode.BadRequest));

        var put = await client.PutAsJsonAsync("/api/v1/meter", new { enabled = true, profile = "siemens-pac2200", host = "127.77.0.5", port = 502, unit = 2, pollSeconds = 0.5 }, Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var meter = await (await client.GetAsync("/api/v1/meter", Ct)).JsonAsync();
        Assert.Equal("siemens-pac2200", meter.GetProperty("profile").GetString());
        var settings = meter.GetProperty("settings");
        Assert.True(settings.GetProperty("enabled").GetBoolean());
        Assert.Equal("127.77.0.5", settings.GetProperty("host").GetString());
        Assert.Equal(2, settings.GetProperty("unit").GetInt32());
        Assert.Equal(0.5, settings.GetProperty("pollSeconds").GetDouble());
    }

    [Fact]
    public async Task Ocpp_settings_round_trip_and_never_show_the_authorization_key()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();

        var bad = await client.PutAsJsonAsync("/api/v1/ocpp", new { enabled = true, url = "http://csms.example/ocpp", chargeBoxId = "M20" }, Ct);
        Assert.Equal("The backend URL must be an absolute ws:// or wss:// URL but is \"http://csms.example/ocpp\".", await ProblemAssert.DetailAsync(bad, HttpStatusCode.BadRequest));

        var put = await client.PutAsJsonAsync("/api/v1/ocpp", new { enabled = true, url = "ws://127.0.0.1:9220/ocpp", chargeBoxId = "M20-1", securityProfile = 1, authorizationKey = "0123456789abcdef0123", heartbeatIntervalSeconds = 60 }, Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.DoesNotContain("0123456789abcdef0123", await put.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // A PUT without the key keeps it.
        await client.PutAsJsonAsync("/api/v1/ocpp", new { enabled = true, url = "ws://127.0.0.1:9220/ocpp", chargeBoxId = "M20-2", securityProfile = 1 }, Ct);
        var ocpp = await (await client.GetAsync("/api/v1/ocpp", Ct)).JsonAsync();
        Assert.Equal("M20-2", ocpp.GetProperty("chargeBoxId").GetString());
        Assert.True(ocpp.GetProperty("authorizationKeySet").GetBoolean());
        Assert.Equal(JsonValueKind.Null, ocpp.GetProperty("authorizationKey").ValueKind);

        // "" removes it, which profile 1 does not allow.
        var removed = await client.PutAsJsonAsync("/api/v1/ocpp", new { enabled = true, url = "ws://127.0.0.1:9220/ocpp", chargeBoxId = "M20-2", securityProfile = 1, authorizationKey = "" }, Ct);
        Assert.Equal("Security profile 1 needs an authorization key (the basic-auth password).", await ProblemAssert.DetailAsync(removed, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Authorization_settings_round_trip()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();
        var defaults = await (await client.GetAsync("/api/v1/authorization", Ct)).JsonAsync();
        Assert.False(defaults.GetProperty("enabled").GetBoolean());
        Assert.Equal("FirstLocal", defaults.GetProperty("onlineMode").GetString());

        var put = await client.PutAsJsonAsync("/api/v1/authorization", new { enabled = true, onlineMode = "FirstOnline", offlineMode = "OfflineNoCharging", predefinedToken = "FREE" }, Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var got = await (await client.GetAsync("/api/v1/authorization", Ct)).JsonAsync();
        Assert.True(got.GetProperty("enabled").GetBoolean());
        Assert.Equal("FirstOnline", got.GetProperty("onlineMode").GetString());
        Assert.Equal("OfflineNoCharging", got.GetProperty("offlineMode").GetString());
        Assert.Equal("FREE", got.GetProperty("predefinedToken").GetString());

        var tooLong = await client.PutAsJsonAsync("/api/v1/authorization", new { predefinedToken = new string('x', 21) }, Ct);
        Assert.Equal("The predefined token may have at most 20 characters (an OCPP idTag) but has 21.", await ProblemAssert.DetailAsync(tooLong, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Settings_changes_and_security_events_go_to_the_event_log()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();
        await client.PutAsJsonAsync("/api/v1/network", new { maxCurrentA = 40 }, Ct);
        await client.PutAsJsonAsync("/api/v1/network", new { maxCurrentA = -1 }, Ct);
        await client.PutAsJsonAsync("/api/v1/network/chargepoints/cp1", new { address = "127.77.0.1" }, Ct);
        await client.PutAsJsonAsync("/api/v1/ocpp", new { url = "ws://127.0.0.1:9000/", chargeBoxId = "M20", authorizationKey = "secret-key-0123456789" }, Ct);
        var created = await (await client.PostAsJsonAsync("/api/v1/auth/tokens", new { name = "ha" }, Ct)).JsonAsync();

        // The limit change itself is written by the operator warnings on their own loop: its place among the others varies.
        await Eventually.TrueAsync(async () => (await (await client.GetAsync("/api/v1/events?source=site", Ct)).JsonAsync()).GetProperty("total").GetInt32() == 1, because: "the limit change is logged");
        var events = await (await client.GetAsync("/api/v1/events", Ct)).JsonAsync();

        Assert.Equal(
            [
                $"admin created API token {created.GetProperty("id").GetInt64()} \"ha\".",
                "admin changed the OCPP backend settings.",
                "admin changed charge point \"cp1\".",
                "admin changed the charging network settings.",
            ],
            events.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("source").GetString() != "site" && !IsWhitepaperEvent(e)).Select(e => e.GetProperty("message").GetString()).ToArray());

        // The security log (whitepaper security events): the new authorization key — never its value.
        await Eventually.TrueAsync(async () => (await (await client.GetAsync("/api/v1/events?source=security", Ct)).JsonAsync()).GetProperty("items").EnumerateArray().Any(IsWhitepaperEvent), because: "the security event is logged");
        var security = await (await client.GetAsync("/api/v1/events?source=security", Ct)).JsonAsync();
        Assert.Equal(
            ["ReconfigurationOfSecurityParameters: authorization key changed"],
            security.GetProperty("items").EnumerateArray().Where(IsWhitepaperEvent).Select(e => e.GetProperty("message").GetString()).ToArray());
        Assert.Contains(
            "The site limit changed from 32 A to 40 A per phase.",
            events.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("message").GetString()));
        Assert.DoesNotContain("secret-key-0123456789", events.GetRawText(), StringComparison.Ordinal);
    }

    /// <summary>An OCPP whitepaper security event (OpenCpm.Ocpp.SecurityEvents), written with the security source beside the login and token events.</summary>
    private static bool IsWhitepaperEvent(JsonElement e) =>
        e.GetProperty("source").GetString() == "security" && e.GetProperty("message").GetString()!.StartsWith("ReconfigurationOfSecurityParameters", StringComparison.Ordinal);
}
