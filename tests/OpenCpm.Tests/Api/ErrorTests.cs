using System.Net;
using System.Text;

namespace OpenCpm.Tests.Api;

public sealed class ErrorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    public static TheoryData<string, string, string> MalformedBodies => new()
    {
        { "/api/v1/network", "{\"maxCurrentA\": ", "The request body is not valid JSON for this call: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed (line 1, position 16)." },
        { "/api/v1/network", "{\"maxCurrentA\": \"lots\"}", "The request body is not valid JSON for this call: 'maxCurrentA' must be a finite number." },
        { "/api/v1/network", "{}", "The request body is not valid JSON for this call: 'maxCurrentA' must be given." },
        { "/api/v1/authorization", "{\"onlineMode\": \"Sometimes\"}", "The request body is not valid JSON for this call: 'onlineMode' must be one of FirstLocal, FirstOnline or OnlyLocal but is \"Sometimes\"." },
        { "/api/v1/network/clusters", "{\"id\": \"garage\"}", "The request body is not valid JSON for this call: the body must be a list." },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_malformed_body_gets_400_problem_json_naming_the_problem(string path, string body, string detail)
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();

        var response = await client.PutAsync(path, Json(body), Ct);

        Assert.Equal(detail, await ProblemAssert.DetailAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_login_with_malformed_json_gets_400_not_401()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = app.CreateClient();
        var detail = await ProblemAssert.DetailAsync(await client.PostAsync("/api/v1/auth/login", Json("{bad"), Ct), HttpStatusCode.BadRequest);
        Assert.StartsWith("The request body is not valid JSON for this call: 'b' is an invalid start of a property name.", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_415_problem_json()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();
        var response = await client.PutAsync("/api/v1/network", new StringContent("maxCurrentA=32", Encoding.UTF8, "text/plain"), Ct);
        Assert.Equal("The request body must be JSON (Content-Type: application/json) but is \"text/plain; charset=utf-8\".", await ProblemAssert.DetailAsync(response, HttpStatusCode.UnsupportedMediaType));
    }

    [Theory]
    [InlineData("/api/v1/sessions?page=0", "The query parameter 'page' must be 1..1000000 but is 0.")]
    [InlineData("/api/v1/sessions?pageSize=501", "The query parameter 'pageSize' must be 1..500 but is 501.")]
    [InlineData("/api/v1/sessions?from=2026-02-01&to=2026-01-01", "The query parameter 'from' must not be after 'to'.")]
    [InlineData("/api/v1/sessions?from=yesterday", "The query parameter 'from' must be a date and time (ISO 8601, e.g. 2026-05-01T12:00:00Z) but is \"yesterday\".")]
    [InlineData("/api/v1/events?level=Loud", "The query parameter 'level' must be one of Info, Warning or Error but is \"Loud\".")]
    public async Task A_bad_query_parameter_gets_400_problem_json_naming_it(string path, string detail)
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();
        Assert.Equal(detail, await ProblemAssert.DetailAsync(await client.GetAsync(path, Ct), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task An_unknown_resource_gets_404_problem_json()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/v1/network/chargepoints/nope", Ct), HttpStatusCode.NotFound);
        Assert.Equal("There is no resource at /api/v1/nothing-here.", await ProblemAssert.DetailAsync(await client.GetAsync("/api/v1/nothing-here", Ct), HttpStatusCode.NotFound));
        Assert.Equal("DELETE is not allowed on /api/v1/network.", await ProblemAssert.DetailAsync(await client.DeleteAsync("/api/v1/network", Ct), HttpStatusCode.MethodNotAllowed));
    }

    [Fact]
    public async Task Health_and_the_OpenAPI_document_need_no_token()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = app.CreateClient();

        var health = await client.GetAsync("/healthz", Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync(Ct));

        var openApi = await (await client.GetAsync("/openapi/v1.json", Ct)).JsonAsync();
        var paths = openApi.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/auth/login", "/api/v1/sessions", "/api/v1/sessions/export", "/api/v1/network", "/api/v1/network/clusters", "/api/v1/network/chargepoints/{id}", "/api/v1/meter", "/api/v1/ocpp", "/api/v1/authorization", "/api/v1/events", "/api/v1/auth/tokens" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }

        Assert.Equal("ListSessions", paths.GetProperty("/api/v1/sessions").GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("bearer", openApi.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.Empty(paths.GetProperty("/api/v1/auth/login").GetProperty("post").GetProperty("security").EnumerateArray());
    }
}
