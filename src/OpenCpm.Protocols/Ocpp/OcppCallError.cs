using System.Text.Json;

namespace OpenCpm.Protocols.Ocpp;

/// <summary><c>[4, "&lt;id&gt;", "&lt;errorCode&gt;", "&lt;description&gt;", {details}]</c>: a CALL that could not be processed.</summary>
public sealed record OcppCallError(string MessageId, OcppErrorCode ErrorCode, string Description, JsonElement Details) : OcppFrame(MessageId)
{
    public override OcppMessageType MessageType => OcppMessageType.CallError;

    /// <summary>A CALLERROR with empty details (<c>{}</c>), as the spec asks when there are none.</summary>
    public static OcppCallError Create(string messageId, OcppErrorCode errorCode, string description) =>
        new(messageId, errorCode, description, OcppJson.EmptyObject);
}
