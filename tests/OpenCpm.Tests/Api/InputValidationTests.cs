using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenCpm.Data;

namespace OpenCpm.Tests.Api;

/// <summary>
/// Issue 9, "input validation everywhere", and issue 18, item 4, over HTTP: every one of these was accepted with
/// 200 before (the idTag got 409, the page overflowed back to page 1).
/// </summary>
public sealed class InputValidationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static string Long(int length) => new('x', length);

    public static TheoryData<string, object, string> RefusedChargePoints => new()
    {
        { "cp2", new { address = "127.77.0.1" }, "Charge point \"cp2\": the address 127.77.0.1 is already used by charge point \"cp1\"." },
        { "cp2", new { address = "0.0.0.0" }, "Charge point \"cp2\": the address must be one station's address, not the unspecified, a broadcast or a multicast address but is \"0.0.0.0\"." },
        { "cp2", new { address = "255.255.255.255" }, "Charge point \"cp2\": the address must be one station's address, not the unspecified, a broadcast or a multicast address but is \"255.255.255.255\"." },
        { "cp2", new { address = "239.1.2.3" }, "Charge point \"cp2\": the address must be one station's address, not the unspecified, a broadcast or a multicast address but is \"239.1.2.3\"." },
        { "cp2", new { address = "127.1" }, "Charge point \"cp2\": the address must be an IPv4 address written as four numbers (a.b.c.d) but is \"127.1\"." },
        { "cp2", new { address = "127.77.0.2", connectorId = int.MaxValue }, "Charge point \"cp2\": the connector id must be 1 to 1000 (or 0 to assign one) but is 2147483647." },
        { "cp2", new { address = "127.77.0.2", connectorId = -1 }, "Charge point \"cp2\": the connector id must be 1 to 1000 (or 0 to assign one) but is -1." },
        { "cp2", new { address = "127.77.0.2", displayName = Long(10_000) }, "Charge point \"cp2\": the display name may have at most 64 characters but has 10000." },
        { "cp2", new { address = "127.77.0.2", displayName = "left\r\nINFO forged" }, "Charge point \"cp2\": the display name must not contain control characters or line breaks." },
        { "cp2", new { address = "127.77.0.2", serial = Long(10_000) }, "Charge point \"cp2\": the serial must be 1 to 25 letters, digits, '-', '_' or '.' but is \"" + Long(80) + "…\"." },
        { "cp2", new { address = "127.77.0.2", cluster = Long(100_000) }, "Charge point \"cp2\": the cluster alias \"" + Long(64) + "…\" must have at most 64 characters but has 100000." },
    };

    [Theory, MemberData(nameof(RefusedChargePoints))]
    public async Task Charge_point_fields_out_of_their_limits_get_400_and_nothing_is_stored(string id, object body, string detail)
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/network/chargepoints/cp1", new { address = "127.77.0.1" }, Ct)).StatusCode);

        var response = await client.PutAsJsonAsync($"/api/v1/network/chargepoints/{id}", body, Ct);

        Assert.Equal(detail, await ProblemAssert.DetailAsync(response, HttpStatusCode.BadRequest));
        await ProblemAssert.IsProblemAsync(await client.GetAsync($"/api/v1/network/chargepoints/{id}", Ct), HttpStatusCode.NotFound);
    }

    public static TheoryData<string, string, string> RefusedDocuments => new()
    {
        { "/api/v1/network/clusters", $$"""[{"id":"{{Long(100_000)}}","maxCurrentA":16}]""", "The alias of cluster \"" + Long(64) + "…\" must have at most 64 characters but has 100000." },
        { "/api/v1/network/chargepoints", """[{"id":"a","address":"127.77.0.5"},{"id":"a","address":"127.77.0.6"}]""", "Charge point \"a\" appears twice in the list." },
        { "/api/v1/meter", """{"enabled":true,"profile":"siemens-pac2200","host":"meter\nINFO forged"}""", "The meter's host must be a host name or an IP address, without scheme, port, path or spaces but is \"meter\\u000AINFO forged\"." },
        { "/api/v1/meter", """{"enabled":true,"profile":"siemens-pac2200","host":"http://meter.local/modbus"}""", "The meter's host must be a host name or an IP address, without scheme, port, path or spaces but is \"http://meter.local/modbus\"." },
        { "/api/v1/meter", """{"enabled":true,"profile":"siemens-pac2200","host":"0.0.0.0"}""", "The meter's host must be one station's address, not the unspecified, a broadcast or a multicast address but is \"0.0.0.0\"." },
        { "/api/v1/meter", """{"enabled":true,"profile":"no-such-meter","host":"127.0.0.1"}""", "The meter profile 'no-such-meter' is unknown; `opencpm meter profiles` lists the known ones." },
        { "/api/v1/ocpp", """{"url":"ws://csms.example/ocpp","chargeBoxId":"../../admin"}""", "The charge box id must consist of letters, digits and \"*-_=:+|@.\" (it is the last segment of the backend URL) but is \"../../admin\"." },
        { "/api/v1/ocpp", """{"url":"ws://csms.example/ocpp","chargeBoxId":"M20\r\nX-Injected: 1"}""", "The charge box id must consist of letters, digits and \"*-_=:+|@.\" (it is the last segment of the backend URL) but is \"M20\\u000D\\u000AX-Injected: 1\"." },
        { "/api/v1/ocpp", """{"url":"ws://m20:s3cret-passw0rd@csms.example/ocpp","chargeBoxId":"M20"}""", "The backend URL must not contain a user name or password: the password is the authorization key." },
        { "/api/v1/ocpp", """{"url":"ws://csms.example/ocpp","chargeBoxId":"M20","authorizationKey":"short"}""", "The authorization key must be 16 to 40 printable ASCII characters without spaces." },
        { "/api/v1/authorization", """{"predefinedToken":"FREE\u0000"}""", "The predefined token must consist of printable ASCII characters without spaces (an OCPP idTag)." },
        { "/api/v1/network/discovery", """{"broadcastAddress":"224.0.0.1"}""", "The broadcast address must be the LAN's broadcast address (such as 255.255.255.255 or 192.168.25.255), not 224.0.0.1." },
    };

    [Theory, MemberData(nameof(RefusedDocuments))]
    public async Task Settings_fields_out_of_their_limits_get_400_and_nothing_is_stored(string path, string body, string detail)
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();
        var before = await NonFiniteNumberTests.StoredAsync(client);

        var response = await client.PutAsync(path, Json(body), Ct);

        Assert.Equal(detail, await ProblemAssert.DetailAsync(response, HttpStatusCode.BadRequest));
        Assert.Equal(before, await NonFiniteNumberTests.StoredAsync(client));
    }

    [Fact]
    public async Task A_password_in_a_stored_ocpp_url_is_never_shown()
    {
        using var data = new Shared.TempDirectory();
        await using (var app = await OpenCpmApplication.StartAsync(data.Path))
        {
            using var client = await app.CreateClientAsync();
            Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/ocpp", new { enabled = true, url = "ws://csms.example/ocpp", chargeBoxId = "M20" }, Ct)).StatusCode);
            await using var db = await app.Service<IDbContextFactory<OpenCpmDbContext>>().CreateDbContextAsync(Ct);
            var row = await db.Documents.SingleAsync(d => d.Key == OcppBackendSettings.Key, Ct);
            row.Json = row.Json.Replace("ws://csms.example", "ws://m20:s3cret-passw0rd@csms.example", StringComparison.Ordinal); // as an older version stored it
            await db.SaveChangesAsync(Ct);
        }

        await using var again = await OpenCpmApplication.StartAsync(data.Path);
        again.ErrorsExpected = true; // /healthz reports the stored URL as invalid
        using var admin = await again.CreateClientAsync();

        var ocpp = await (await admin.GetAsync("/api/v1/ocpp", Ct)).Content.ReadAsStringAsync(Ct);
        var status = await (await admin.GetAsync("/api/v1/status", Ct)).Content.ReadAsStringAsync(Ct);
        var health = await (await again.CreateClient().GetAsync("/healthz", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("ws://csms.example/ocpp", ocpp, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", ocpp + status + health, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ten_thousand_character_id_tag_gets_400_not_409()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/network/chargepoints/cp1", new { address = "127.77.0.1" }, Ct)).StatusCode);

        var response = await client.PostAsJsonAsync("/api/v1/chargepoints/cp1/actions/start", new { idTag = Long(10_000) }, Ct);

        Assert.Equal(
            "'idTag' must be 1 to 20 printable ASCII characters without spaces (an OCPP idTag) but has 10000 characters.",
            await ProblemAssert.DetailAsync(response, HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("/api/v1/sessions?page=1000000000", "The query parameter 'page' must be 1..1000000 but is 1000000000.")]
    [InlineData("/api/v1/events?page=1000000000", "The query parameter 'page' must be 1..1000000 but is 1000000000.")]
    [InlineData("/api/v1/sessions?page=99999999999", "The query parameter 'page' must be a whole number in range but is \"99999999999\".")]
    [InlineData("/api/v1/sessions?chargePoint=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "The query parameter 'chargePoint' may have at most 64 characters but has 77.")]
    public async Task Paging_is_bounded_and_never_overflows_back_to_page_one(string path, string detail)
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();
        Assert.Equal(detail, await ProblemAssert.DetailAsync(await client.GetAsync(path, Ct), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task The_largest_page_still_answers_an_empty_page()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();
        var page = await (await client.GetAsync("/api/v1/events?page=1000000&pageSize=500", Ct)).JsonAsync();
        Assert.Equal(1_000_000, page.GetProperty("page").GetInt32());
        Assert.Empty(page.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("""{"maxCurrentA": "lots"}""", "'maxCurrentA' must be a finite number.")]
    [InlineData("""{"maxCurrentA": 63, "clustersEnabled": "yes"}""", "'clustersEnabled' must be true or false.")]
    [InlineData("""{}""", "'maxCurrentA' must be given.")]
    [InlineData("""[1, 2]""", "the body must be an object.")]
    public async Task Errors_name_the_field_and_never_a_dotnet_type(string body, string detail)
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();

        var problem = await ProblemAssert.IsProblemAsync(await client.PutAsync("/api/v1/network", Json(body), Ct), HttpStatusCode.BadRequest);

        Assert.Equal("The request body is not valid JSON for this call: " + detail, problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("System.", problem.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("OpenCpm.", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nullable_value_of_the_wrong_type_names_the_field_and_what_it_must_be()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();

        var response = await client.PostAsync("/api/v1/auth/tokens", Json("""{"name":"script","expiresAt":"tomorrow"}"""), Ct);

        Assert.Equal(
            "The request body is not valid JSON for this call: 'expiresAt' must be a date and time (ISO 8601, e.g. 2026-05-01T12:00:00Z).",
            await ProblemAssert.DetailAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_connector_id_beyond_a_whole_number_names_the_field()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();

        var problem = await ProblemAssert.IsProblemAsync(
            await client.PutAsync("/api/v1/network/chargepoints/cp1", Json("""{"address":"127.77.0.1","connectorId":4294967296}"""), Ct), HttpStatusCode.BadRequest);

        Assert.Equal("The request body is not valid JSON for this call: 'connectorId' must be a whole number in range.", problem.GetProperty("detail").GetString());
        Assert.Equal("connectorId", problem.GetProperty("field").GetString());
    }
}
