using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using OpenCpm.Protocols.Ocpp;
using OpenCpm.Protocols.Ocpp.V16;

namespace OpenCpm.Tests.Interop.OcppRpc;

/// <summary>
/// Payloads for differential testing of our schema checks against ocpp-rpc's: one payload per message with every field
/// filled (strings at their maximum length), and from it a family of mutants — each field removed, nulled, given the
/// wrong JSON type or a value just outside (or just inside) its constraint, and an unknown field added to every object.
/// Built from the records' public System.Text.Json metadata, independently of the validator under test.
/// </summary>
internal static class OcppSchemaSamples
{
    public static IEnumerable<(string Schema, string Name, JsonObject Payload)> All()
    {
        foreach (var action in OcppV16Actions.Set.All)
        {
            foreach (var (suffix, info) in new[] { ("req", action.RequestInfo), ("conf", action.ResponseInfo) })
            {
                var schema = $"urn:{action.Name}.{suffix}";
                var full = Object(info);
                yield return (schema, "full", full);
                foreach (var (name, mutant) in Mutants(full, info, ""))
                {
                    yield return (schema, name, mutant);
                }
            }
        }
    }

    public static OcppAction Action(string schema) => OcppV16Actions.Set.Find(schema[4..schema.LastIndexOf('.')])!;

    private static IEnumerable<(string Name, JsonObject Payload)> Mutants(JsonObject full, JsonTypeInfo info, string path)
    {
        yield return ($"{path}+unknown field", With(full, path, o => o["notInTheSchema"] = 1));
        foreach (var property in info.Properties)
        {
            var at = path.Length == 0 ? property.Name : path + "." + property.Name;
            yield return ($"{at} removed", With(full, path, o => o.Remove(property.Name)));
            yield return ($"{at} null", With(full, path, o => o[property.Name] = null));
            foreach (var (name, value) in Variants(property, info.Options))
            {
                yield return ($"{at} {name}", With(full, path, o => o[property.Name] = value));
            }

            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var nested = info.Options.GetTypeInfo(type);
            if (nested.Kind == JsonTypeInfoKind.Object)
            {
                foreach (var mutant in Mutants(full, nested, at))
                {
                    yield return mutant;
                }
            }
            else if (nested.Kind == JsonTypeInfoKind.Enumerable && info.Options.GetTypeInfo(nested.ElementType!) is { Kind: JsonTypeInfoKind.Object } item)
            {
                foreach (var mutant in Mutants(full, item, at + "[0]"))
                {
                    yield return mutant;
                }
            }
        }
    }

    private static IEnumerable<(string Name, JsonNode? Value)> Variants(JsonPropertyInfo property, System.Text.Json.JsonSerializerOptions options)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var max = Attribute<MaxLengthAttribute>(property)?.Length;
        if (type == typeof(string))
        {
            yield return ("a number", 42);
            if (max is { } length)
            {
                yield return ("one too long", new string('a', length + 1));
                if (length <= 500)
                {
                    yield return ("at the limit in emoji", string.Concat(Enumerable.Repeat("🚗", length)));
                }
            }

            if (Attribute<AbsoluteUriAttribute>(property) is not null)
            {
                yield return ("not a URI", "firmware folder");
                yield return ("a relative path", "/srv/firmware.bin");
            }
        }
        else if (type == typeof(int))
        {
            yield return ("a string", "1");
            yield return ("a fraction", 1.5);
            yield return ("integral with a decimal point", JsonNode.Parse("2.0"));
            yield return ("negative", -7);
        }
        else if (type == typeof(decimal))
        {
            yield return ("a string", "6");
            yield return ("not a multiple of 0.1", 0.05m);
            yield return ("a multiple of 0.1", 16.1m);
        }
        else if (type == typeof(bool))
        {
            yield return ("a string", "true");
        }
        else if (type == typeof(DateTimeOffset))
        {
            yield return ("not a date", "yesterday");
            yield return ("an impossible date", "2024-02-30T10:00:00Z");
            yield return ("without an offset", "2024-03-01T10:00:00");
            yield return ("with an offset and fraction", "2024-03-01T10:00:00.123456+05:30");
            yield return ("a number", 1_709_287_200);
        }
        else if (type.IsEnum)
        {
            yield return ("not in the list", "NotAValue");
            yield return ("in the wrong case", EnumNames(type)[0].ToLowerInvariant());
            yield return ("a number", 0);
        }
        else if (options.GetTypeInfo(type).Kind == JsonTypeInfoKind.Enumerable)
        {
            yield return ("empty", new JsonArray());
            yield return ("an object", new JsonObject());
        }
        else
        {
            yield return ("a string", "x");
            yield return ("an array", new JsonArray());
        }
    }

    private static JsonObject Object(JsonTypeInfo info)
    {
        var result = new JsonObject();
        foreach (var property in info.Properties)
        {
            result[property.Name] = Value(property.PropertyType, property, info.Options);
        }

        return result;
    }

    private static JsonNode Value(Type declared, JsonPropertyInfo? property, System.Text.Json.JsonSerializerOptions options)
    {
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        if (type == typeof(string))
        {
            return property is not null && Attribute<AbsoluteUriAttribute>(property) is not null ? "https://example.com/ocpp/file.bin"
                : new string('s', Math.Min(property is null ? 8 : Attribute<MaxLengthAttribute>(property)?.Length ?? 8, 600));
        }

        if (type == typeof(int))
        {
            return 1;
        }

        if (type == typeof(decimal))
        {
            return 1.5m;
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(DateTimeOffset))
        {
            return "2024-03-01T10:00:00Z";
        }

        if (type.IsEnum)
        {
            return EnumNames(type)[^1];
        }

        var info = options.GetTypeInfo(type);
        return info.Kind == JsonTypeInfoKind.Enumerable
            ? new JsonArray(Value(info.ElementType!, property, options))
            : Object(info);
    }

    private static JsonObject With(JsonObject full, string path, Action<JsonObject> change)
    {
        var copy = (JsonObject)full.DeepClone();
        JsonNode target = copy;
        foreach (var step in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            target = step.EndsWith("[0]", StringComparison.Ordinal) ? target[step[..^3]]![0]! : target[step]!;
        }

        change((JsonObject)target);
        return copy;
    }

    private static string[] EnumNames(Type type) =>
        [.. type.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name)];

    private static T? Attribute<T>(JsonPropertyInfo property)
        where T : Attribute => property.AttributeProvider?.GetCustomAttributes(typeof(T), true).OfType<T>().FirstOrDefault();
}
