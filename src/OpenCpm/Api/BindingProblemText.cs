using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenCpm.Security;

namespace OpenCpm.Api;

/// <summary>
/// Turns what the framework says about a request it could not bind into a sentence for the caller: it names the
/// field (its JSON path, or the query parameter) and what it must be, and never a .NET type name.
/// </summary>
internal static partial class BindingProblemText
{
    public const string JsonPrefix = "The request body is not valid JSON for this call: ";

    /// <summary>The sentence, and the field it is about (null = the body as a whole or unknown).</summary>
    public static (string Detail, string? Field) Of(BadHttpRequestException bad)
    {
        ArgumentNullException.ThrowIfNull(bad);
        return bad.InnerException is JsonException json ? OfJson(json, BodyType(bad.Message)) : (OfBinding(bad.Message), null);
    }

    /// <summary>What is wrong with a JSON document of type <paramref name="document"/> (a file), as one sentence naming the field.</summary>
    public static string Of(JsonException json, Type document)
    {
        ArgumentNullException.ThrowIfNull(json);
        return OfJson(json, document).Item1[JsonPrefix.Length..];
    }

    private static (string, string?) OfJson(JsonException json, Type? body)
    {
        var field = json.Path is { Length: > 1 } path ? LogText.Escape(path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path[1..]) : null;
        var message = PathSuffix().Replace(json.Message, "");
        string sentence;
        if (CouldNotConvert().Match(message) is { Success: true } convert)
        {
            // The framework names the record being read rather than the field's type: find the field's type by its path.
            var kind = body is not null && TypeAt(body, json.Path ?? "$") is { } type ? KindOf(type) : KindOf(convert.Groups["type"].Value);
            sentence = field is null ? $"the body must be {kind}." : $"'{field}' must be {kind}.";
        }
        else if (UnmappedMember().Match(message) is { Success: true } unmapped)
        {
            // Only documents read strictly (a site file) refuse fields they don't know: a misspelt name must not pass unnoticed.
            var name = field ?? LogText.Escape(unmapped.Groups["name"].Value);
            sentence = $"'{name}' is not a field this document knows (check its spelling).";
        }
        else if (MissingRequired().Match(message) is { Success: true } missing)
        {
            var names = missing.Groups["names"].Value.Split(", ");
            sentence = $"{string.Join(" and ", names)} must be given.";
        }
        else if (message.StartsWith("must ", StringComparison.Ordinal))
        {
            sentence = field is null ? $"the body {message}." : $"'{field}' {message}.";
        }
        else
        {
            sentence = json.LineNumber is { } line && json.BytePositionInLine is { } position
                ? string.Create(CultureInfo.InvariantCulture, $"{message.TrimEnd('.')} (line {line + 1}, position {position}).")
                : message;
        }

        return (JsonPrefix + WithoutTypeNames(sentence, field), field);
    }

    private static string OfBinding(string message)
    {
        if (FailedToBind().Match(message) is { Success: true } failed)
        {
            return $"The query parameter '{failed.Groups["name"].Value}' must be {KindOf(failed.Groups["type"].Value)} but is \"{LogText.Escape(failed.Groups["value"].Value)}\".";
        }

        if (NotProvided().Match(message) is { Success: true } required)
        {
            return required.Groups["source"].Value == "body"
                ? "The request needs a JSON body."
                : $"The parameter '{required.Groups["name"].Value}' must be given.";
        }

        return message.StartsWith("Implicit body inferred", StringComparison.Ordinal) ? "The request needs a JSON body." : WithoutTypeNames(message, null);
    }

    /// <summary>What a value of the named .NET type is, in words (C# and CLR spellings, nullable or not).</summary>
    private static string KindOf(string type)
    {
        var inner = NullableOf().Match(type) is { Success: true } nullable ? nullable.Groups["inner"].Value : type;
        var simple = inner[(inner.LastIndexOf('.') + 1)..];
        return simple switch
        {
            "Int32" or "Int64" or "Int16" or "Byte" or "UInt32" or "UInt64" or "UInt16" or "SByte" or "int" or "long" or "short" or "byte" => "a whole number in range",
            "Double" or "Single" or "Decimal" or "double" or "float" or "decimal" => "a finite number",
            "Boolean" or "bool" => "true or false",
            "String" or "string" => "a string",
            "DateTimeOffset" or "DateTime" or "DateOnly" => "a date and time (ISO 8601, e.g. 2026-05-01T12:00:00Z)",
            "TimeSpan" => "a duration",
            _ when simple.EndsWith("[]", StringComparison.Ordinal) || simple.Contains("List`", StringComparison.Ordinal) || simple.Contains("Enumerable`", StringComparison.Ordinal) => "a list",
            _ when EnumNamed(simple) is { } names => "one of " + names,
            _ => "an object",
        };
    }

    /// <summary>What a value of <paramref name="type"/> is, in words.</summary>
    private static string KindOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsEnum ? "one of " + StrictEnumConverterFactory.Choices(Enum.GetNames(type))
            : type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? "a list"
            : type.IsPrimitive || type == typeof(string) || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(TimeSpan) ? KindOf(type.Name)
            : "an object";
    }

    /// <summary>The type of the request body named in "Failed to read parameter "T body" …" (a type of this assembly), or null.</summary>
    private static Type? BodyType(string message)
    {
        if (ReadParameter().Match(message) is not { Success: true } read)
        {
            return null;
        }

        var name = read.Groups["type"].Value;
        var array = name.EndsWith("[]", StringComparison.Ordinal);
        var element = typeof(BindingProblemText).Assembly.GetTypes().FirstOrDefault(t => t.Name == (array ? name[..^2] : name));
        return array ? element?.MakeArrayType() : element;
    }

    /// <summary>The type of the value at a JSON path ($.a[0].b) in <paramref name="root"/>, or null when it can't be followed.</summary>
    private static Type? TypeAt(Type root, string path)
    {
        Type? type = root;
        foreach (Match step in PathStep().Matches(path))
        {
            type = Nullable.GetUnderlyingType(type!) ?? type;
            type = step.Groups["name"].Success
                ? type!.GetProperties().FirstOrDefault(p => string.Equals(p.Name, step.Groups["name"].Value, StringComparison.OrdinalIgnoreCase))?.PropertyType
                : type!.IsArray ? type.GetElementType() : type!.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
            if (type is null)
            {
                return null;
            }
        }

        return type;
    }

    private static string? EnumNamed(string name) =>
        typeof(BindingProblemText).Assembly.GetTypes().FirstOrDefault(t => t.IsEnum && t.Name == name) is { } type ? StrictEnumConverterFactory.Choices(Enum.GetNames(type)) : null;

    /// <summary>A last guard: a sentence that still spells a type name says only that the value has the wrong type.</summary>
    private static string WithoutTypeNames(string sentence, string? field) =>
        TypeName().IsMatch(sentence) ? (field is null ? "a value has the wrong type." : $"'{field}' has a value of the wrong type.") : sentence;

    [GeneratedRegex(@"\s*Path: .*$", RegexOptions.Singleline)]
    private static partial Regex PathSuffix();

    [GeneratedRegex(@"^The JSON value could not be converted to (?<type>.+?)\.?$", RegexOptions.Singleline)]
    private static partial Regex CouldNotConvert();

    [GeneratedRegex(@"^The JSON property '(?<name>[^']*)' could not be mapped to any \.NET member")]
    private static partial Regex UnmappedMember();

    [GeneratedRegex(@"missing required properties including: (?<names>.+?)\.?$")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"^Failed to bind parameter ""(?<type>[^""]+) (?<name>\w+)"" from ""(?<value>.*)""\.$", RegexOptions.Singleline)]
    private static partial Regex FailedToBind();

    [GeneratedRegex(@"^Required parameter ""(?<type>[^""]+) (?<name>\w+)"" was not provided from (?<source>[\w ]+)\.$")]
    private static partial Regex NotProvided();

    [GeneratedRegex(@"Nullable(?:`1\[\[?|<)(?<inner>[^\],>]+)")]
    private static partial Regex NullableOf();

    [GeneratedRegex(@"^Failed to read parameter ""(?<type>[\w\[\]]+) \w+"" from the request body")]
    private static partial Regex ReadParameter();

    [GeneratedRegex(@"\.(?<name>\w+)|\[(?<index>\d+)\]")]
    private static partial Regex PathStep();

    [GeneratedRegex(@"\b(?:System|OpenCpm|Microsoft)\.[A-Z]|`1|Nullable<")]
    private static partial Regex TypeName();
}
