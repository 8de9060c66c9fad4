using System.Collections.Frozen;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace OpenCpm.Protocols.Ocpp;

/// <summary>
/// The schema of one record, derived from its System.Text.Json metadata: JSON names, <c>required</c> members, CLR types,
/// and the attributes <see cref="MaxLengthAttribute"/>, <see cref="MinLengthAttribute"/> (arrays),
/// <see cref="AbsoluteUriAttribute"/>, <see cref="MultipleOfAttribute"/> and <see cref="SensitiveAttribute"/>.
/// Every field not listed is refused (<c>additionalProperties: false</c>).
/// </summary>
internal sealed record OcppObjectRule(Type Type, FrozenDictionary<string, OcppFieldRule> Fields, IReadOnlyList<OcppFieldRule> Required)
{
    public static OcppObjectRule From(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            throw new ArgumentException($"{info.Type.Name} is not a JSON object type", nameof(info));
        }

        var fields = info.Properties.Select(p => Field(p.Name, p.IsRequired, p.PropertyType, p.AttributeProvider, info.Options)).ToList();
        return new OcppObjectRule(info.Type, fields.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal), [.. fields.Where(f => f.Required)]);
    }

    private static OcppFieldRule Field(string name, bool required, Type type, ICustomAttributeProvider? attributes, System.Text.Json.JsonSerializerOptions options)
    {
        var sensitive = Has<SensitiveAttribute>(attributes);
        var clr = Nullable.GetUnderlyingType(type) ?? type;
        if (clr == typeof(string))
        {
            return new OcppFieldRule(name, required, OcppFieldKind.String)
            {
                MaxLength = Get<MaxLengthAttribute>(attributes)?.Length,
                AbsoluteUri = Has<AbsoluteUriAttribute>(attributes),
                Sensitive = sensitive,
            };
        }

        if (clr == typeof(int))
        {
            return new OcppFieldRule(name, required, OcppFieldKind.Integer) { Sensitive = sensitive };
        }

        if (clr == typeof(decimal))
        {
            var step = Get<MultipleOfAttribute>(attributes)?.Step;
            return new OcppFieldRule(name, required, OcppFieldKind.Decimal) { MultipleOf = step is null ? null : (decimal)step.Value, Sensitive = sensitive };
        }

        if (clr == typeof(bool))
        {
            return new OcppFieldRule(name, required, OcppFieldKind.Boolean) { Sensitive = sensitive };
        }

        if (clr == typeof(DateTimeOffset))
        {
            return new OcppFieldRule(name, required, OcppFieldKind.DateTime) { Sensitive = sensitive };
        }

        if (clr.IsEnum)
        {
            return new OcppFieldRule(name, required, OcppFieldKind.Enum) { EnumNames = EnumNames(clr), Sensitive = sensitive };
        }

        var typeInfo = options.GetTypeInfo(clr);
        if (typeInfo.Kind == JsonTypeInfoKind.Enumerable && typeInfo.ElementType is { } element)
        {
            return new OcppFieldRule(name, required, OcppFieldKind.Array)
            {
                MinItems = Get<MinLengthAttribute>(attributes)?.Length,
                Item = Field(name, required: true, element, attributes: null, options),
                Sensitive = sensitive,
            };
        }

        if (typeInfo.Kind == JsonTypeInfoKind.Object)
        {
            return new OcppFieldRule(name, required, OcppFieldKind.Object) { ObjectType = clr, Sensitive = sensitive };
        }

        throw new NotSupportedException($"field '{name}' has a type ({clr.Name}) that OCPP records do not use");
    }

    private static string[] EnumNames(Type enumType) =>
    [
        .. enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name),
    ];

    private static bool Has<T>(ICustomAttributeProvider? provider)
        where T : Attribute => Get<T>(provider) is not null;

    private static T? Get<T>(ICustomAttributeProvider? provider)
        where T : Attribute => provider?.GetCustomAttributes(typeof(T), inherit: true).OfType<T>().FirstOrDefault();
}
