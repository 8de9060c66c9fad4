using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenCpm.Simulation.Scenarios;

/// <summary>
/// Turns a System.Text.Json error into one sentence for the scenario's author: the field as a JSON path, then what
/// is wrong with it in scenario terms (not .NET type names or reader options).
/// </summary>
internal static partial class ScenarioJsonErrors
{
    public static string Describe(JsonException e)
    {
        var path = e.Path ?? "$";
        var message = e.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            return $"{path}.{missing.Groups[1].Value}: is required.";
        }

        if (UnknownProperty().IsMatch(message))
        {
            return $"{path}: is not a field of the scenario format.";
        }

        if (NotConvertible().Match(message) is { Success: true } type)
        {
            return $"{path}: must be {Expected(type.Groups[1].Value)}.";
        }

        var line = e.LineNumber is { } l ? $" (line {l + 1})" : "";
        if (message.StartsWith("'/' is an invalid start", StringComparison.Ordinal))
        {
            return $"{path}: comments are not allowed{line}.";
        }

        if (message.Contains("trailing comma", StringComparison.Ordinal))
        {
            return $"{path}: a trailing comma is not allowed{line}.";
        }

        return $"{path}: {message.TrimEnd('.')}{line}.";
    }

    private static string Expected(string dotNetType) => dotNetType switch
    {
        _ when dotNetType.Contains("Int32", StringComparison.Ordinal) => "a whole number",
        _ when dotNetType.Contains("Double", StringComparison.Ordinal) => "a number",
        _ when dotNetType.Contains("IReadOnlyList", StringComparison.Ordinal) => "a list",
        "System.String" => "a string",
        _ => "an object",
    };

    [GeneratedRegex("missing required properties including: '([^']+)'")]
    private static partial Regex MissingRequired();

    [GeneratedRegex("^The JSON property '.*' could not be mapped")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex(@"^The JSON value could not be converted to (\S+)\.$")]
    private static partial Regex NotConvertible();
}
