using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OpenCpm.Tests.Api;

/// <summary>Checks RFC 7807 answers: status, media type, and the sentence in <c>detail</c>.</summary>
internal static class ProblemAssert
{
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == response.StatusCode, $"Expected {(int)status} but got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public static async Task<string> DetailAsync(HttpResponseMessage response, HttpStatusCode status) =>
        (await IsProblemAsync(response, status)).GetProperty("detail").GetString()!;

    public static Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
}
