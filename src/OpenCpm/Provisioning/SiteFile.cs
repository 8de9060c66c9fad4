using System.Text.Json;
using System.Text.Json.Serialization;
using OpenCpm.Api;
using OpenCpm.Data;

namespace OpenCpm.Provisioning;

/// <summary>
/// The whole site in one JSON file (docs/commissioning.md): the network's limits, the clusters, every charge point, the
/// grid meter and the authorization settings, in the shapes of their REST resources. <c>opencpm site apply</c>,
/// <c>PUT /api/v1/site</c> and <c>opencpm demo --site</c> take it, <c>opencpm site export</c> and
/// <c>GET /api/v1/site</c> write it. A section left out gets its defaults (no clusters, no charge points, no meter,
/// authorization off): the file describes everything.
/// </summary>
internal sealed record SiteFile
{
    /// <summary>Strict: camelCase names, enum names only, finite numbers, and no field the file format does not know.</summary>
    public static JsonSerializerOptions Json { get; } = CreateJson();

    public required NetworkSettingsDto Network { get; init; }

    public IReadOnlyList<ClusterDto?> Clusters { get; init; } = [];

    public IReadOnlyList<ChargePointSettingsDto?> ChargePoints { get; init; } = [];

    public MeterSettingsDto? Meter { get; init; }

    public AuthorizationSettings? Authorization { get; init; }

    /// <summary>The file's content, or the one sentence that says what is wrong with it (naming the field).</summary>
    public static (SiteFile? File, string? Problem) Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<SiteFile>(json, Json) is { } file ? (file, null) : (null, "The site file is empty (null).");
        }
        catch (JsonException e)
        {
            return (null, BindingProblemText.Of(e, typeof(SiteFile)));
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Add(new StrictEnumConverterFactory());
        options.Converters.Add(new FiniteNumberConverter());
        return options;
    }
}
