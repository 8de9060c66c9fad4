using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenCpm.Protocols.Ocpp;

/// <summary>
/// Frames as text for logs and traces, with secrets masked: the value of a ChangeConfiguration of
/// <c>AuthorizationKey</c> (the HTTP Basic password of security profiles 1 and 2; <c>BasicAuthPassword</c> in 2.0.1).
/// </summary>
public static class OcppRedaction
{
    public const string Mask = "***";

    private static readonly string[] SecretKeys = ["AuthorizationKey", "BasicAuthPassword"];

    public static string ToLogText(OcppFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return frame is OcppCall call && IsSecret(call) ? OcppCodec.Write(call with { Payload = Masked(call.Payload) }) : OcppCodec.Write(frame);
    }

    private static bool IsSecret(OcppCall call) =>
        call.Action == "ChangeConfiguration"
        && call.Payload.ValueKind == JsonValueKind.Object
        && call.Payload.TryGetProperty("key", out var key)
        && key.ValueKind == JsonValueKind.String
        && SecretKeys.Contains(key.GetString(), StringComparer.OrdinalIgnoreCase);

    private static JsonElement Masked(JsonElement payload)
    {
        var node = JsonNode.Parse(payload.GetRawText())!.AsObject();
        if (node.ContainsKey("value"))
        {
            node["value"] = Mask;
        }

        return JsonSerializer.SerializeToElement(node, OcppNodeContext.Default.JsonObject);
    }
}
