using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenCpm.Settings;

/// <summary>How settings documents are stored: camelCase JSON with enums as names.</summary>
internal static class SettingsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
