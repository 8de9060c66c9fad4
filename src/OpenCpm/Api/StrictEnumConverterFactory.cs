using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenCpm.Api;

/// <summary>
/// Enums of the API are names, read case-insensitively: a number (<c>"singlePhase": 7</c>), a numeric string or a
/// name the enum does not define is refused with the names it accepts (the 400 names the field). Written as names.
/// </summary>
internal sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        return typeToConvert.IsEnum;
    }

    /// <summary>"A, B or C".</summary>
    public static string Choices(IReadOnlyList<string> names) =>
        names.Count <= 2 ? string.Join(" or ", names) : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;
}
