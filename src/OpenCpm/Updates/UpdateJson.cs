using System.Text.Json;

namespace OpenCpm.Updates;

/// <summary>How manifests and the update state are written: camelCase, indented, enums as names.</summary>
internal static class UpdateJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
