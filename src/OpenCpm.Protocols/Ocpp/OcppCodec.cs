using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace OpenCpm.Protocols.Ocpp;

/// <summary>
/// OCPP-J frames ⇄ UTF-8 JSON (OCPP-J 1.6 §4), and payloads ⇄ records with the schema checked first.
/// <see cref="Parse(ReadOnlySpan{byte}, int)"/> throws <see cref="OcppProtocolException"/> with one sentence and the
/// CALLERROR code for anything that is not a frame; when the broken frame was a CALL whose id could be read, the
/// exception carries the id so the caller can answer it.
/// </summary>
public static class OcppCodec
{
    /// <summary>Default limit for a received frame: a SendLocalList of 1,000 full entries is about 150 kB.</summary>
    public const int DefaultMaxFrameBytes = 512 * 1024;

    public const int MaxMessageIdLength = 36;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    /// <summary>Only what JSON requires is escaped: '+' in base64 and non-ASCII text stay as they are.</summary>
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static OcppFrame Parse(string text, int maxFrameBytes = DefaultMaxFrameBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(Encoding.UTF8.GetBytes(text), maxFrameBytes);
    }

    public static OcppFrame Parse(ReadOnlySpan<byte> utf8, int maxFrameBytes = DefaultMaxFrameBytes)
    {
        if (utf8.Length > maxFrameBytes)
        {
            throw Oversized(utf8, utf8.Length, maxFrameBytes);
        }

        if (!Utf8.IsValid(utf8))
        {
            var (type, id) = Salvage(utf8);
            throw new OcppProtocolException("frame is not valid UTF-8", OcppErrorCode.FormationViolation, id, type);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8.ToArray(), DocumentOptions);
        }
        catch (JsonException exception)
        {
            var (type, id) = Salvage(utf8);
            throw new OcppProtocolException($"frame is not valid JSON ({FirstSentence(exception.Message)})", OcppErrorCode.FormationViolation, id, type, exception);
        }

        using (document)
        {
            return ParseFrame(document.RootElement);
        }
    }

    /// <summary>The exception for a frame that was longer than the limit; only its first bytes were kept.</summary>
    public static OcppProtocolException Oversized(ReadOnlySpan<byte> head, long length, int maxFrameBytes)
    {
        var (type, id) = Salvage(head);
        return new OcppProtocolException(
            $"frame of {length.ToString(CultureInfo.InvariantCulture)} bytes is longer than the limit of {maxFrameBytes.ToString(CultureInfo.InvariantCulture)} bytes",
            OcppErrorCode.FormationViolation, id, type);
    }

    public static byte[] Serialize(OcppFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartArray();
            writer.WriteNumberValue((int)frame.MessageType);
            writer.WriteStringValue(frame.MessageId);
            switch (frame)
            {
                case OcppCall call:
                    writer.WriteStringValue(call.Action);
                    call.Payload.WriteTo(writer);
                    break;
                case OcppCallResult result:
                    result.Payload.WriteTo(writer);
                    break;
                case OcppCallError error:
                    writer.WriteStringValue(OcppErrorCodes.ToWire(error.ErrorCode));
                    writer.WriteStringValue(error.Description);
                    error.Details.WriteTo(writer);
                    break;
                default:
                    throw new ArgumentException($"unknown frame {frame.GetType().Name}", nameof(frame));
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static string Write(OcppFrame frame) => Encoding.UTF8.GetString(Serialize(frame));

    /// <summary>
    /// Checks <paramref name="payload"/> against the schema of <paramref name="info"/>'s record, then reads it;
    /// <paramref name="context"/> names the message in error sentences, e.g. "BootNotification.req".
    /// </summary>
    public static object ReadPayload(JsonElement payload, JsonTypeInfo info, string context)
    {
        ArgumentNullException.ThrowIfNull(info);
        OcppPayloadValidator.Validate(payload, info, context);
        try
        {
            return payload.Deserialize(info) ?? throw new OcppProtocolException($"{context}: the payload is null", OcppErrorCode.FormationViolation);
        }
        catch (JsonException exception)
        {
            throw new OcppProtocolException($"{context}: {FirstSentence(exception.Message)}", OcppErrorCode.FormationViolation, innerException: exception);
        }
    }

    public static T ReadPayload<T>(JsonElement payload, JsonTypeInfo<T> info, string context) =>
        (T)ReadPayload(payload, (JsonTypeInfo)info, context);

    /// <summary>Writes a record as a payload and checks the result against the same schema, so we never send what a strict peer refuses.</summary>
    public static JsonElement WritePayload(object value, JsonTypeInfo info, string context)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(info);
        var payload = JsonSerializer.SerializeToElement(value, info);
        OcppPayloadValidator.Validate(payload, info, context);
        return payload;
    }

    private static OcppFrame ParseFrame(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new OcppProtocolException($"frame must be a JSON array but was {OcppJson.KindName(root.ValueKind)}", OcppErrorCode.FormationViolation);
        }

        var length = root.GetArrayLength();
        if (length == 0 || root[0].ValueKind != JsonValueKind.Number || !root[0].TryGetInt32(out var typeNumber))
        {
            throw new OcppProtocolException($"frame must start with a message type number but started with {(length == 0 ? "nothing" : OcppJson.Show(root[0]))}", OcppErrorCode.FormationViolation);
        }

        if (!Enum.IsDefined((OcppMessageType)typeNumber))
        {
            throw new OcppProtocolException($"message type {typeNumber.ToString(CultureInfo.InvariantCulture)} is unknown (2 = CALL, 3 = CALLRESULT, 4 = CALLERROR)", OcppErrorCode.MessageTypeNotSupported);
        }

        var type = (OcppMessageType)typeNumber;
        if (length < 2 || root[1].ValueKind != JsonValueKind.String)
        {
            throw new OcppProtocolException($"{Name(type)} must have a string message id but had {(length < 2 ? "none" : OcppJson.Show(root[1]))}", OcppErrorCode.FormationViolation);
        }

        var id = root[1].GetString()!;
        if (id.Length > MaxMessageIdLength)
        {
            throw new OcppProtocolException($"message id {OcppJson.Show(root[1])} is {id.Length.ToString(CultureInfo.InvariantCulture)} characters long, more than {MaxMessageIdLength.ToString(CultureInfo.InvariantCulture)}", OcppErrorCode.FormationViolation, id, type);
        }

        return type switch
        {
            OcppMessageType.Call => ParseCall(root, length, id),
            OcppMessageType.CallResult => ParseResult(root, length, id),
            _ => ParseError(root, length, id),
        };
    }

    private static OcppCall ParseCall(JsonElement root, int length, string id)
    {
        if (length < 3 || root[2].ValueKind != JsonValueKind.String)
        {
            throw new OcppProtocolException($"CALL {id} must name its action as a string but had {(length < 3 ? "none" : OcppJson.Show(root[2]))}", OcppErrorCode.FormationViolation, id, OcppMessageType.Call);
        }

        var action = root[2].GetString()!;
        if (length < 4)
        {
            throw new OcppProtocolException($"CALL {id} ({action}) has no payload", OcppErrorCode.ProtocolError, id, OcppMessageType.Call);
        }

        if (length > 4)
        {
            throw new OcppProtocolException($"CALL {id} ({action}) has {length.ToString(CultureInfo.InvariantCulture)} elements instead of 4", OcppErrorCode.FormationViolation, id, OcppMessageType.Call);
        }

        return new OcppCall(id, action, Payload(root[3], $"CALL {id} ({action})", id, OcppMessageType.Call));
    }

    private static OcppCallResult ParseResult(JsonElement root, int length, string id)
    {
        if (length != 3)
        {
            throw new OcppProtocolException($"CALLRESULT {id} has {length.ToString(CultureInfo.InvariantCulture)} elements instead of 3", OcppErrorCode.FormationViolation, id, OcppMessageType.CallResult);
        }

        return new OcppCallResult(id, Payload(root[2], $"CALLRESULT {id}", id, OcppMessageType.CallResult));
    }

    /// <summary>Lenient on purpose: a peer's error is still an answer; a missing description or details reads as empty.</summary>
    private static OcppCallError ParseError(JsonElement root, int length, string id)
    {
        if (length < 3 || root[2].ValueKind != JsonValueKind.String || length > 5)
        {
            throw new OcppProtocolException($"CALLERROR {id} must be [4, id, errorCode, description, details] but had {length.ToString(CultureInfo.InvariantCulture)} elements{(length >= 3 && root[2].ValueKind != JsonValueKind.String ? " and a non-string error code" : "")}", OcppErrorCode.FormationViolation, id, OcppMessageType.CallError);
        }

        var description = length > 3 && root[3].ValueKind == JsonValueKind.String ? root[3].GetString()! : "";
        var details = length > 4 && root[4].ValueKind == JsonValueKind.Object ? root[4].Clone() : OcppJson.EmptyObject;
        return new OcppCallError(id, OcppErrorCodes.FromWire(root[2].GetString()!), description, details);
    }

    /// <summary>An object payload; <c>null</c> is read as <c>{}</c> (some peers send it for empty payloads).</summary>
    private static JsonElement Payload(JsonElement value, string what, string id, OcppMessageType type) => value.ValueKind switch
    {
        JsonValueKind.Object => value.Clone(),
        JsonValueKind.Null => OcppJson.EmptyObject,
        _ => throw new OcppProtocolException($"{what} payload must be a JSON object but was {OcppJson.KindName(value.ValueKind)}", OcppErrorCode.FormationViolation, id, type),
    };

    /// <summary>Reads as far as the bytes allow: <c>[2, "id"</c> is enough to answer a broken or oversized CALL.</summary>
    private static (OcppMessageType? Type, string? Id) Salvage(ReadOnlySpan<byte> utf8)
    {
        OcppMessageType? type = null;
        try
        {
            var reader = new Utf8JsonReader(utf8, isFinalBlock: false, state: default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !reader.Read()
                || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var number) || !Enum.IsDefined((OcppMessageType)number))
            {
                return (null, null);
            }

            type = (OcppMessageType)number;
            return reader.Read() && reader.TokenType == JsonTokenType.String ? (type, reader.GetString()) : (type, null);
        }
        catch (JsonException)
        {
            return (type, null);
        }
        catch (InvalidOperationException)
        {
            return (type, null);
        }
    }

    private static string Name(OcppMessageType type) => type switch
    {
        OcppMessageType.Call => "CALL",
        OcppMessageType.CallResult => "CALLRESULT",
        _ => "CALLERROR",
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd('.');
    }
}
