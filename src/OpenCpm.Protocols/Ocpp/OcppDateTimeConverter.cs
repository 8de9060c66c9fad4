using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenCpm.Protocols.Ocpp;

/// <summary>Reads and writes <see cref="DateTimeOffset"/> the way <see cref="OcppDateTime"/> says.</summary>
internal sealed class OcppDateTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && OcppDateTime.TryParse(reader.GetString()!, out var value)
            ? value
            : throw new JsonException("expected an RFC 3339 date-time with an offset");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(OcppDateTime.Format(value));
}
