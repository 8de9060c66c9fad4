using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenCpm.Api;

/// <summary>
/// Numbers of the API are finite: <c>1e400</c>, <c>"Infinity"</c> and <c>"NaN"</c> are refused when read (the 400
/// names the field); a number that is not finite is written as null, never as a 500. Numbers in strings ("32") are
/// read as before (the web defaults allow them).
/// </summary>
internal sealed class FiniteNumberConverter : JsonConverter<double>
{
    public const string NotFinite = "must be a finite number";

    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetDouble(out var number) && double.IsFinite(number) ? number : throw new JsonException(NotFinite);
            case JsonTokenType.String:
                return double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed)
                    ? parsed
                    : throw new JsonException(NotFinite);
            default:
                throw new JsonException("must be a number");
        }
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
