using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OpenCpm.Data;

namespace OpenCpm.Tests.Api;

/// <summary>
/// Issue 9, "input validation everywhere": every write endpoint gets a few hundred random JSON bodies of the right
/// and the wrong shapes (a deterministic seed per endpoint). None may answer 500 (before: "Infinity" and 1e400 did,
/// and stored the value), every refusal is problem+json with a sentence and no .NET type name, and after every
/// refused request the settings in the database are exactly what they were; after every accepted one they are
/// valid and every number in them is finite.
/// </summary>
public sealed partial class WriteEndpointFuzzTests
{
    private const int BodiesPerEndpoint = 200;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly JsonSerializerOptions StoredJson = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static TheoryData<string, string, string> Endpoints => new()
    {
        { "PUT", "/api/v1/network", """{"maxCurrentA":63,"minChargingCurrentA":6,"unbalancedLoadLimitA":20,"clustersEnabled":true,"rotationMinutes":15,"maxPowerW":40000,"nominalVoltageV":230,"meterFallbackPowerW":0}""" },
        { "PUT", "/api/v1/network/clusters", """[{"id":"garage","maxCurrentA":32,"phases":["L1","L2","L3"],"minChargingCurrentA":8},{"id":"yard","maxCurrentA":16,"phases":["L2"]}]""" },
        { "PUT", "/api/v1/network/chargepoints/{id}", """{"serial":"22000001","address":"127.78.42.11","connectorId":0,"driver":"Keba","displayName":"Garage","cluster":"garage","connection":"ThreePhase","rotation":"L2L3L1","singlePhase":"L1","maxCurrentA":32,"failsafeCurrentA":6,"unbalancedLoadLimitA":16,"permanentlyLockedSocket":false}""" },
        { "PUT", "/api/v1/network/chargepoints", """[{"id":"cp1","address":"127.78.42.11","maxCurrentA":16},{"id":"cp2","address":"127.78.42.12","connection":"SinglePhase","singlePhase":"L3"}]""" },
        { "PUT", "/api/v1/meter", """{"enabled":false,"profile":"siemens-pac2200","host":"127.0.0.1","port":502,"unit":1,"pollSeconds":1}""" },
        { "PUT", "/api/v1/ocpp", """{"enabled":true,"url":"ws://127.0.0.1:9/ocpp","chargeBoxId":"M20-1","securityProfile":1,"heartbeatIntervalSeconds":300,"authorizationKey":"0123456789abcdef0123"}""" },
        { "PUT", "/api/v1/authorization", """{"enabled":true,"onlineMode":"FirstOnline","offlineMode":"OfflineNoCharging","predefinedToken":"FREE"}""" },
        { "PUT", "/api/v1/network/discovery", """{"enabled":false,"expectedStations":3,"broadcastAddress":"255.255.255.255","intervalSeconds":30}""" },
        { "POST", "/api/v1/auth/tokens", """{"name":"home automation","expiresAt":"2099-01-01T00:00:00Z"}""" },
        { "POST", "/api/v1/auth/password", """{"currentPassword":"Test-Passw0rd!","newPassword":"Another-Passw0rd"}""" },
        { "POST", "/api/v1/auth/login", """{"username":"admin","password":"wrong"}""" },
        { "POST", "/api/v1/chargepoints/{id}/actions/start", """{"idTag":"04A1B2C3"}""" },
    };

    [Theory, MemberData(nameof(Endpoints))]
    public async Task Random_bodies_never_get_a_500_and_a_refused_one_stores_nothing(string method, string path, string template)
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();
        await client.PutAsync("/api/v1/network", Json("""{"maxCurrentA":63,"clustersEnabled":true}"""), Ct);
        await client.PutAsync("/api/v1/network/clusters", Json("""[{"id":"garage","maxCurrentA":32}]"""), Ct);
        var random = new Random(StableSeed(method + path));
        var stored = await StoredAsync(app);
        var outcomes = new Dictionary<int, int>();

        for (var n = 0; n < BodiesPerEndpoint; n++)
        {
            var body = Body(random, JsonNode.Parse(template)!, path.EndsWith("discovery", StringComparison.Ordinal));
            var url = path.Replace("{id}", Uri.EscapeDataString(Pick(random, Ids)), StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = Json(body) };
            using var response = await client.SendAsync(request, Ct);
            var status = (int)response.StatusCode;
            outcomes[status] = outcomes.GetValueOrDefault(status) + 1;
            var because = $"{method} {url} {Shorten(body)} → {status} {Shorten(await response.Content.ReadAsStringAsync(Ct))}";

            Assert.True(status < 500, because);
            if (status >= 400)
            {
                var problem = await ProblemAssert.IsProblemAsync(response, response.StatusCode);
                Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), because);
                Assert.False(TypeName().IsMatch(problem.GetRawText()), because);
                Assert.True(stored == await StoredAsync(app), "refused but stored: " + because);
            }
            else
            {
                stored = await StoredAsync(app);
                Assert.True(app.Service<OpenCpm.Settings.SettingsService>().Current.Site.Validate().IsValid, because);
                Assert.True(AllFinite(await app.Service<SettingsStore>().LoadAsync(Ct)), because);
            }
        }

        Assert.True(outcomes.Keys.Any(s => s >= 400), "the fuzzer should be refused sometimes: " + string.Join(", ", outcomes));
        Assert.True(method != "PUT" || outcomes.Keys.Any(s => s < 300), "the fuzzer should be accepted sometimes: " + string.Join(", ", outcomes));
    }

    /// <summary>What the database holds: the site, its charge points and every settings document.</summary>
    private static async Task<string> StoredAsync(OpenCpmApplication app)
    {
        var snapshot = await app.Service<SettingsStore>().LoadAsync(Ct);
        return JsonSerializer.Serialize(
            new { snapshot.Site.Site, snapshot.Site.ChargePoints, Documents = snapshot.DocumentsJson.OrderBy(d => d.Key, StringComparer.Ordinal).ToList() },
            StoredJson);
    }

    /// <summary>True when the stored site serializes without named floating-point literals (every number finite).</summary>
    private static bool AllFinite(OpenCpm.Settings.SettingsSnapshot snapshot)
    {
        try
        {
            JsonSerializer.Serialize(new { snapshot.Site.Site, snapshot.Site.ChargePoints });
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string Body(Random random, JsonNode template, bool keepDisabled)
    {
        var roll = random.Next(20);
        if (roll == 0)
        {
            return Pick(random, ["", "{", "[", "{\"maxCurrentA\":", "null", "\"text\"", "42", "{}{}", "{\"a\":1,}", "\u00ff\u00fe"]);
        }

        var node = roll == 1 ? RandomValue(random, 0) : Mutate(random, template, 0);
        if (keepDisabled && node is JsonObject o)
        {
            o["enabled"] = false; // a real broadcast from a test machine is not the point here
        }

        var text = node?.ToJsonString() ?? "null";
        return text.Replace("\"@@1e400@@\"", "1e400", StringComparison.Ordinal).Replace("\"@@-1e400@@\"", "-1e400", StringComparison.Ordinal);
    }

    /// <summary>The template with 0 to 3 of its values replaced, removed or duplicated, or a field added.</summary>
    private static JsonNode? Mutate(Random random, JsonNode template, int depth)
    {
        var root = template.DeepClone();
        var mutations = Pick(random, [0, 1, 1, 1, 2, 2, 3]);
        for (var m = 0; m < mutations; m++)
        {
            var places = Places(root).ToList();
            if (places.Count == 0)
            {
                break;
            }

            var (parent, key, index) = Pick(random, places);
            switch (random.Next(5))
            {
                case 0 when parent is JsonObject o:
                    o.Remove(key!);
                    break;
                case 0 when parent is JsonArray a:
                    a.RemoveAt(index);
                    break;
                case 1 when parent is JsonObject o:
                    o[Pick(random, ["extra", "Id", "$type", "", "MAXCURRENTA"])] = RandomValue(random, depth + 1);
                    break;
                case 1 when parent is JsonArray a:
                    a.Add(a[index]?.DeepClone());
                    break;
                default:
                    var value = RandomValue(random, depth + 1);
                    if (parent is JsonObject obj)
                    {
                        obj[key!] = value;
                    }
                    else
                    {
                        ((JsonArray)parent)[index] = value;
                    }

                    break;
            }
        }

        return root;
    }

    private static IEnumerable<(JsonNode Parent, string? Key, int Index)> Places(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj.ToList())
            {
                yield return (obj, key, -1);
                if (value is not null)
                {
                    foreach (var place in Places(value))
                    {
                        yield return place;
                    }
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                yield return (array, null, i);
                if (array[i] is { } item)
                {
                    foreach (var place in Places(item))
                    {
                        yield return place;
                    }
                }
            }
        }
    }

    private static JsonNode? RandomValue(Random random, int depth) => random.Next(depth > 2 ? 4 : 6) switch
    {
        0 => JsonValue.Create(Pick(random, Numbers)),
        1 => JsonValue.Create(Pick(random, Strings)),
        2 => JsonValue.Create(random.Next(2) == 0),
        3 => null,
        4 => new JsonArray([.. Enumerable.Range(0, random.Next(4)).Select(_ => RandomValue(random, depth + 1))]),
        _ => new JsonObject(Enumerable.Range(0, random.Next(4)).Select(k => KeyValuePair.Create(Pick(random, Keys) + k, RandomValue(random, depth + 1)))),
    };

    private static readonly double[] Numbers =
        [0, -1, 1, 5, 6, 6.5, 16, 32, 63, 80, 81, 100, 255, 256, 502, 65535, 65536, 4000, 4001, 1e7, 1e308, -1e308, 5e-324, 0.1, 0.05, 2147483647, 2147483648, -2147483649, 9007199254740993, 1440, 1441];

    private static readonly string[] Strings =
    [
        "", " ", "x", "L1", "L2", "L4", "7", "Keba", "Ocpp", "ThreePhase", "SinglePhase", "L1L2L3", "L3L2L1", "FirstOnline", "OfflineFreeCharging",
        "Infinity", "-Infinity", "NaN", "@@1e400@@", "@@-1e400@@", "32", "1e308",
        "127.0.0.1", "127.78.42.11", "0.0.0.0", "255.255.255.255", "224.0.0.1", "::", "::1", "127.1", "siemens-pac2200", "no-such-meter",
        "ws://127.0.0.1:9/ocpp", "wss://csms.example/ocpp", "ws://u:p@csms.example/x", "http://x/", "ws://h/x#f",
        "../../admin", "a\r\nINFO forged", "\u0000", "\u202Egnp.exe", "garage", "yard", "cp1", "😀😀😀", "2099-01-01T00:00:00Z", "2000-01-01T00:00:00Z",
        new string('x', 10_000), new string('9', 400),
    ];

    private static readonly string[] Keys = ["id", "maxCurrentA", "phases", "x", "url"];

    private static readonly string[] Ids = ["cp1", "cp2", "new cp", "../x", "%00", "a\nb", new string('c', 200), "Garage Süd"];

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static int StableSeed(string text) => text.Aggregate(17, (h, c) => unchecked((h * 31) + c));

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    [GeneratedRegex(@"\b(?:System|OpenCpm|Microsoft)\.[A-Z]|`1|Nullable<")]
    private static partial Regex TypeName();
}
