using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OpenCpm.Protocols.Ocpp;

/// <summary>
/// Checks a payload against its record's schema before it is deserialized, with the CALLERROR code the spec gives each
/// kind of fault (OCPP-J 1.6 table 7): a payload that is not an object or has a field the schema does not know →
/// FormationViolation ("not conform the PDU structure"); a required field missing or too few array items →
/// OccurrenceConstraintViolation; a value of the wrong JSON type, or a string that is not a date-time or URI →
/// TypeConstraintViolation; an enum value not in the list, a string too long, a number out of range or not a multiple of
/// its step → PropertyConstraintViolation ("a field contains an invalid value").
/// </summary>
internal static class OcppPayloadValidator
{
    private static readonly ConcurrentDictionary<(Type Type, JsonSerializerOptions Options), OcppObjectRule> Rules = new();

    public static void Validate(JsonElement payload, JsonTypeInfo info, string context)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            throw Fault(OcppErrorCode.FormationViolation, $"{context}: the payload must be a JSON object but was {OcppJson.KindName(payload.ValueKind)}");
        }

        ValidateObject(payload, RuleFor(info.Type, info.Options), info.Options, context, path: "");
    }

    private static OcppObjectRule RuleFor(Type type, JsonSerializerOptions options) =>
        Rules.GetOrAdd((type, options), key => OcppObjectRule.From(key.Options.GetTypeInfo(key.Type)));

    private static void ValidateObject(JsonElement value, OcppObjectRule rule, JsonSerializerOptions options, string context, string path)
    {
        foreach (var required in rule.Required)
        {
            if (!value.TryGetProperty(required.Name, out _))
            {
                throw Fault(OcppErrorCode.OccurrenceConstraintViolation, $"{context}: required field '{Join(path, required.Name)}' is missing");
            }
        }

        foreach (var property in value.EnumerateObject())
        {
            var fieldPath = Join(path, property.Name);
            if (!rule.Fields.TryGetValue(property.Name, out var field))
            {
                throw Fault(OcppErrorCode.FormationViolation, $"{context}: '{fieldPath}' is not a field of this message (value {OcppJson.Show(property.Value)})");
            }

            ValidateValue(property.Value, field, options, context, fieldPath);
        }
    }

    private static void ValidateValue(JsonElement value, OcppFieldRule field, JsonSerializerOptions options, string context, string path)
    {
        switch (field.Kind)
        {
            case OcppFieldKind.String:
                var text = ExpectString(value, field, context, path, "a string");
                var length = text.EnumerateRunes().Count();
                if (field.MaxLength is { } max && length > max)
                {
                    throw Fault(OcppErrorCode.PropertyConstraintViolation, $"{context}: '{path}' must be at most {max} characters but was {Shown(value, field)} ({length} characters)");
                }

                if (field.AbsoluteUri && !OcppUri.IsAbsolute(text))
                {
                    throw Fault(OcppErrorCode.TypeConstraintViolation, $"{context}: '{path}' must be an absolute URI but was {Shown(value, field)}");
                }

                break;
            case OcppFieldKind.DateTime:
                if (!OcppDateTime.TryParse(ExpectString(value, field, context, path, "a date-time string"), out _))
                {
                    throw Fault(OcppErrorCode.TypeConstraintViolation, $"{context}: '{path}' must be an RFC 3339 date-time but was {Shown(value, field)}");
                }

                break;
            case OcppFieldKind.Enum:
                if (!field.EnumNames.Contains(ExpectString(value, field, context, path, "a string"), StringComparer.Ordinal))
                {
                    throw Fault(OcppErrorCode.PropertyConstraintViolation, $"{context}: '{path}' must be one of {string.Join(", ", field.EnumNames)} but was {Shown(value, field)}");
                }

                break;
            case OcppFieldKind.Integer:
                ValidateInteger(value, field, context, path);
                break;
            case OcppFieldKind.Decimal:
                ValidateDecimal(value, field, context, path);
                break;
            case OcppFieldKind.Boolean:
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw WrongType(value, field, context, path, "a boolean");
                }

                break;
            case OcppFieldKind.Object:
                if (value.ValueKind != JsonValueKind.Object)
                {
                    throw WrongType(value, field, context, path, "an object");
                }

                ValidateObject(value, RuleFor(field.ObjectType!, options), options, context, path);
                break;
            case OcppFieldKind.Array:
                ValidateArray(value, field, options, context, path);
                break;
            default:
                throw new InvalidOperationException($"unknown field kind {field.Kind}");
        }
    }

    private static void ValidateArray(JsonElement value, OcppFieldRule field, JsonSerializerOptions options, string context, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw WrongType(value, field, context, path, "an array");
        }

        var count = value.GetArrayLength();
        if (field.MinItems is { } min && count < min)
        {
            throw Fault(OcppErrorCode.OccurrenceConstraintViolation, $"{context}: '{path}' must have at least {min} item{(min == 1 ? "" : "s")} but had {count}");
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            ValidateValue(item, field.Item!, options, context, $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]");
            index++;
        }
    }

    private static void ValidateInteger(JsonElement value, OcppFieldRule field, string context, string path)
    {
        if (value.ValueKind != JsonValueKind.Number || (value.TryGetDecimal(out var number) && number != decimal.Truncate(number)))
        {
            throw WrongType(value, field, context, path, "an integer");
        }

        if (!value.TryGetInt32(out _) && !(value.TryGetDecimal(out number) && number is >= int.MinValue and <= int.MaxValue))
        {
            throw Fault(OcppErrorCode.PropertyConstraintViolation, $"{context}: '{path}' must be an integer from {int.MinValue.ToString(CultureInfo.InvariantCulture)} to {int.MaxValue.ToString(CultureInfo.InvariantCulture)} but was {Shown(value, field)}");
        }
    }

    private static void ValidateDecimal(JsonElement value, OcppFieldRule field, string context, string path)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            throw WrongType(value, field, context, path, "a number");
        }

        if (!value.TryGetDecimal(out var number))
        {
            throw Fault(OcppErrorCode.PropertyConstraintViolation, $"{context}: '{path}' must be a number of ordinary size but was {Shown(value, field)}");
        }

        if (field.MultipleOf is { } step && number % step != 0)
        {
            throw Fault(OcppErrorCode.PropertyConstraintViolation, $"{context}: '{path}' must be a multiple of {step.ToString(CultureInfo.InvariantCulture)} but was {Shown(value, field)}");
        }
    }

    private static string ExpectString(JsonElement value, OcppFieldRule field, string context, string path, string expected) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw WrongType(value, field, context, path, expected);

    private static OcppProtocolException WrongType(JsonElement value, OcppFieldRule field, string context, string path, string expected) =>
        Fault(OcppErrorCode.TypeConstraintViolation, $"{context}: '{path}' must be {expected} but was {(value.ValueKind is JsonValueKind.String or JsonValueKind.Number ? Shown(value, field) : OcppJson.KindName(value.ValueKind))}");

    private static string Shown(JsonElement value, OcppFieldRule field) =>
        field.Sensitive ? "(hidden)" : OcppJson.Show(value);

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static OcppProtocolException Fault(OcppErrorCode code, string message) => new(message, code);
}
