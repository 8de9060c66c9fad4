using System.CommandLine;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OpenCpm.Cli;
using OpenCpm.Tests.Api;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Provisioning;

/// <summary>
/// Issue 18, item 9: the whole site in one JSON file — PUT /api/v1/site and <c>opencpm site apply</c> validate it as
/// a whole and apply it all or nothing; GET /api/v1/site and <c>opencpm site export</c> write the same file.
/// </summary>
public sealed class SiteFileTests
{
    /// <summary>
    /// The example of docs/commissioning.md (two stations in a garage on a 32 A fuse, one single-phase station in the yard),
    /// on loopback addresses: a controller under test never sends to a LAN.
    /// </summary>
    public const string Sample = """
        {
          "network": { "maxCurrentA": 40, "minChargingCurrentA": 6, "unbalancedLoadLimitA": 20, "clustersEnabled": true, "rotationMinutes": 15, "maxPowerW": 22000, "nominalVoltageV": 230 },
          "clusters": [ { "id": "garage", "maxCurrentA": 32 } ],
          "chargePoints": [
            { "id": "garage-1", "address": "127.25.0.11", "cluster": "garage", "maxCurrentA": 16, "failsafeCurrentA": 6 },
            { "id": "garage-2", "address": "127.25.0.12", "cluster": "garage", "rotation": "L2L3L1", "maxCurrentA": 16, "failsafeCurrentA": 6 },
            { "id": "yard-1", "address": "127.25.0.13", "connection": "SinglePhase", "singlePhase": "L3", "maxCurrentA": 32 }
          ],
          "meter": { "enabled": true, "profile": "cg-em24-e1", "host": "127.25.0.5", "port": 502, "unit": 1, "pollSeconds": 1 },
          "authorization": { "enabled": true, "onlineMode": "FirstLocal", "offlineMode": "OfflineLocalAuthorization", "predefinedToken": "04A1B2C3" }
        }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_site_file_put_to_the_api_sets_every_area_and_comes_back_from_get()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();

        var put = await client.PutAsync("/api/v1/site", Json(Sample), Ct);

        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync(Ct));
        Assert.Equal(3, (await put.JsonAsync()).GetProperty("chargePoints").GetInt32());
        var cps = (await (await client.GetAsync("/api/v1/network/chargepoints", Ct)).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal([("garage-1", 1, "garage"), ("garage-2", 2, "garage"), ("yard-1", 3, null)], cps.Select(c => (c.GetProperty("id").GetString(), c.GetProperty("connectorId").GetInt32(), c.GetProperty("cluster").GetString())));
        Assert.Equal("cg-em24-e1", (await (await client.GetAsync("/api/v1/meter", Ct)).JsonAsync()).GetProperty("profile").GetString());
        Assert.Equal("04A1B2C3", (await (await client.GetAsync("/api/v1/authorization", Ct)).JsonAsync()).GetProperty("predefinedToken").GetString());

        var exported = JsonNode.Parse(await client.GetStringAsync("/api/v1/site", Ct))!;
        Assert.Equal(40, exported["network"]!["maxCurrentA"]!.GetValue<double>());
        Assert.Null(exported["network"]!["warnings"]);
        Assert.Equal("SinglePhase", exported["chargePoints"]![2]!["connection"]!.GetValue<string>());
        Assert.Equal(3, exported["chargePoints"]![2]!["connectorId"]!.GetValue<int>());

        // What GET gives, PUT takes unchanged.
        var again = await client.PutAsync("/api/v1/site", Json(exported.ToJsonString()), Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(exported.ToJsonString(), JsonNode.Parse(await client.GetStringAsync("/api/v1/site", Ct))!.ToJsonString());
    }

    [Fact]
    public async Task A_site_file_with_mistakes_in_several_areas_is_refused_with_every_reason_and_nothing_changes()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/v1/site", Json(Sample), Ct)).StatusCode);
        var before = await client.GetStringAsync("/api/v1/site", Ct);
        var bad = Sample
            .Replace("\"cluster\": \"garage\", \"rotation\"", "\"cluster\": \"cellar\", \"rotation\"", StringComparison.Ordinal)
            .Replace("cg-em24-e1", "no-such-meter", StringComparison.Ordinal)
            .Replace("\"id\": \"yard-1\"", "\"id\": \"garage-1\"", StringComparison.Ordinal);

        var duplicate = await ProblemAssert.IsProblemAsync(await client.PutAsync("/api/v1/site", Json(bad), Ct), HttpStatusCode.BadRequest);
        Assert.Equal("Charge point \"garage-1\" appears twice ('chargePoints[2]').", duplicate.GetProperty("detail").GetString());

        var problem = await ProblemAssert.IsProblemAsync(
            await client.PutAsync("/api/v1/site", Json(bad.Replace("\"id\": \"garage-1\", \"address\": \"127.25.0.13\"", "\"id\": \"yard-1\", \"address\": \"127.25.0.13\"", StringComparison.Ordinal)), Ct),
            HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(errors, e => e!.Contains("cellar", StringComparison.Ordinal));
        Assert.Contains("The meter profile 'no-such-meter' is unknown; `opencpm meter profiles` lists the known ones.", errors);
        Assert.Equal(before, await client.GetStringAsync("/api/v1/site", Ct));
    }

    [Theory]
    [InlineData("""{ "network": { "maxCurrentA": 40, "maxCurentA": 63 } }""", "'network.maxCurentA' is not a field this document knows (check its spelling).")]
    [InlineData("""{ "network": { "maxCurrentA": 40 }, "chargePoints": [ { "id": "cp1", "rotation": "L1L3L2" } ] }""", "'chargePoints[0].rotation' must be one of L1L2L3, L2L3L1 or L3L1L2")]
    [InlineData("""{ "clusters": [] }""", "network")]
    public async Task A_file_that_is_not_a_site_file_is_refused_with_a_sentence_naming_the_field(string file, string named)
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();

        var detail = await ProblemAssert.DetailAsync(await client.PutAsync("/api/v1/site", Json(file), Ct), HttpStatusCode.BadRequest);

        Assert.Contains(named, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Site_apply_loads_the_file_into_a_stopped_controllers_data_folder_and_site_export_writes_it_back()
    {
        using var data = new TempDirectory();
        var file = data.File("site.json");
        await File.WriteAllTextAsync(file, Sample, Ct);

        var (applied, output, error) = await RunAsync("site", "apply", file, "--data-dir", data.Path);

        Assert.Equal((0, ""), (applied, error));
        Assert.StartsWith($"Site applied from {file}: 3 charge point(s), 1 cluster(s)", output, StringComparison.Ordinal);
        var (exported, json, _) = await RunAsync("site", "export", "--data-dir", data.Path);
        Assert.Equal(0, exported);
        var site = JsonNode.Parse(json)!;
        Assert.Equal(["garage-1", "garage-2", "yard-1"], site["chargePoints"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        Assert.Equal("127.25.0.5", site["meter"]!["host"]!.GetValue<string>());

        await File.WriteAllTextAsync(file, Sample.Replace("\"maxCurrentA\": 40", "\"maxCurrentA\": 5000", StringComparison.Ordinal), Ct);
        var (refused, _, why) = await RunAsync("site", "apply", file, "--data-dir", data.Path);
        Assert.Equal(2, refused);
        Assert.StartsWith($"opencpm site apply: {file} was not applied, nothing was changed:", why, StringComparison.Ordinal);
        Assert.Equal(json, (await RunAsync("site", "export", "--data-dir", data.Path)).Output);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLine.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = error }, Ct);
        return (exitCode, output.ToString(), error.ToString());
    }
}
