using System.Text.Json;

namespace OpenCpm.Protocols.Ocpp;

/// <summary>Shared JSON values of the OCPP layer.</summary>
internal static class OcppJson
{
    public static readonly JsonElement EmptyObject = JsonElement.Parse("{}");

    /// <summary>Shows a received JSON value in an error sentence: raw text, cut after 60 characters.</summary>
    public static string Show(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "…");
    }

    public static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
