using System.Text.Json;

namespace OpenCpm.Protocols.Ocpp;

/// <summary><c>[3, "&lt;id&gt;", {payload}]</c>: the answer to the CALL with the same id.</summary>
public sealed record OcppCallResult(string MessageId, JsonElement Payload) : OcppFrame(MessageId)
{
    public override OcppMessageType MessageType => OcppMessageType.CallResult;
}
