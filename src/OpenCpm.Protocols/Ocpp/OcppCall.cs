using System.Text.Json;

namespace OpenCpm.Protocols.Ocpp;

/// <summary><c>[2, "&lt;id&gt;", "&lt;Action&gt;", {payload}]</c>. The payload is not yet checked against the action's schema.</summary>
public sealed record OcppCall(string MessageId, string Action, JsonElement Payload) : OcppFrame(MessageId)
{
    public override OcppMessageType MessageType => OcppMessageType.Call;
}
