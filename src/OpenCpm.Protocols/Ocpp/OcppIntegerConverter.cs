using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp;

/// <summary>
/// Reads an OCPP integer like the JSON schemas do: any number with an integral value (<c>1.0</c> included), as long as
/// it fits an <see cref="int"/>.
/// </summary>
internal sealed class OcppIntegerConverter : JsonConverter<int>
{
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetInt32(out var value))
            {
                return value;
            }

            if (reader.TryGetDecimal(out var number) && number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue)
            {
                return (int)number;
            }
        }

        throw new JsonException("expected an integer");
    }

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
