using System.Text.Json;
using System.Text.Json.Serialization;
using OpenCpm.Security;

namespace OpenCpm.Api;

/// <summary>One enum of the API, read as one of its names only (see <see cref="StrictEnumConverterFactory"/>).</summary>
internal sealed class StrictEnumConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    private static readonly string[] Names = Enum.GetNames<T>();
    private static readonly string Choices = StrictEnumConverterFactory.Choices(Names);

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"must be one of {Choices} (a name in quotes, not a number)");
        }

        var text = reader.GetString();
        foreach (var name in Names)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return Enum.Parse<T>(name);
            }
        }

        throw new JsonException($"must be one of {Choices} but is \"{LogText.Escape(text)}\"");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
