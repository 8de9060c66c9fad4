using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace OpenCpm.Tests.Api;

/// <summary>
/// Issue 9, item 3, over HTTP: undefined enum values, as numbers and as strings. Before, <c>"singlePhase": 7</c>
/// (or driver, connection, rotation 99) answered 200 and every station then got 32 A past a 27.5 A L1 limit.
/// </summary>
public sealed class EnumValidationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    public static TheoryData<string, string, string> Undefined => new()
    {
        { "/api/v1/network/chargepoints/cp1", """{"address":"127.77.0.1","connection":"SinglePhase","singlePhase":7}""", "'singlePhase' must be one of L1, L2 or L3 (a name in quotes, not a number)." },
        { "/api/v1/network/chargepoints/cp1", """{"address":"127.77.0.1","singlePhase":"7"}""", "'singlePhase' must be one of L1, L2 or L3 but is \"7\"." },
        { "/api/v1/network/chargepoints/cp1", """{"address":"127.77.0.1","singlePhase":"L4"}""", "'singlePhase' must be one of L1, L2 or L3 but is \"L4\"." },
        { "/api/v1/network/chargepoints/cp1", """{"address":"127.77.0.1","singlePhase":"L1, L2"}""", "'singlePhase' must be one of L1, L2 or L3 but is \"L1, L2\"." },
        { "/api/v1/network/chargepoints/cp1", """{"address":"127.77.0.1","driver":99}""", "'driver' must be one of Keba or Ocpp (a name in quotes, not a number)." },
        { "/api/v1/network/chargepoints/cp1", """{"address":"127.77.0.1","connection":99}""", "'connection' must be one of ThreePhase or SinglePhase (a name in quotes, not a number)." },
        { "/api/v1/network/chargepoints/cp1", """{"address":"127.77.0.1","rotation":99}""", "'rotation' must be one of L1L2L3, L2L3L1 or L3L1L2 (a name in quotes, not a number)." },
        { "/api/v1/network/chargepoints", """[{"id":"cp1","address":"127.77.0.1","rotation":"L3L2L1"}]""", "'[0].rotation' must be one of L1L2L3, L2L3L1 or L3L1L2 but is \"L3L2L1\"." },
        { "/api/v1/network/clusters", """[{"id":"garage","phases":["L1",7]}]""", "'[0].phases[1]' must be one of L1, L2 or L3 (a name in quotes, not a number)." },
        { "/api/v1/authorization", """{"onlineMode":5}""", "'onlineMode' must be one of FirstLocal, FirstOnline or OnlyLocal (a name in quotes, not a number)." },
        { "/api/v1/authorization", """{"offlineMode":"Sometimes"}""", "'offlineMode' must be one of OfflineLocalUnknownAuthorization, OfflineLocalAuthorization, OfflineNoAuthorization, OfflineNoCharging or OfflineFreeCharging but is \"Sometimes\"." },
    };

    [Theory, MemberData(nameof(Undefined))]
    public async Task Undefined_enum_values_get_400_naming_the_field_and_nothing_is_stored(string path, string body, string detail)
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/network", new { maxCurrentA = 63, clustersEnabled = true }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/network/chargepoints/cp1", new { address = "127.77.0.1" }, Ct)).StatusCode);
        var before = await NonFiniteNumberTests.StoredAsync(client);

        var response = await client.PutAsync(path, Json(body), Ct);

        Assert.Equal("The request body is not valid JSON for this call: " + detail, await ProblemAssert.DetailAsync(response, HttpStatusCode.BadRequest));
        Assert.Equal(before, await NonFiniteNumberTests.StoredAsync(client));
    }

    [Fact]
    public async Task Enum_names_are_still_read_in_any_case()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();

        var response = await client.PutAsync("/api/v1/network/chargepoints/cp1", Json("""{"address":"127.77.0.1","connection":"singlephase","singlePhase":"l2","driver":"KEBA"}"""), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(("SinglePhase", "L2", "Keba"), (body.GetProperty("connection").GetString(), body.GetProperty("singlePhase").GetString(), body.GetProperty("driver").GetString()));
    }
}
