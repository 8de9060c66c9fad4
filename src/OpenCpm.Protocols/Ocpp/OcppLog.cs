using Microsoft.Extensions.Logging;

namespace OpenCpm.Protocols.Ocpp;

/// <summary>
/// Log messages of the OCPP-J layer (event ids 6100–6199). Frames are logged through <see cref="OcppRedaction"/> only;
/// the Basic-auth password and client keys are never logged.
/// </summary>
public static partial class OcppLog
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Debug, Message = "{Connection} ← {Frame}")]
    public static partial void FrameReceived(ILogger logger, string connection, string frame);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Debug, Message = "{Connection} → {Frame}")]
    public static partial void FrameSent(ILogger logger, string connection, string frame);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "{Connection}: ignored a malformed frame of {Length} bytes: {Reason}")]
    public static partial void MalformedFrame(ILogger logger, string connection, long length, string reason);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "{Connection}: answered CALL {MessageId} ({Action}) with {ErrorCode}: {Reason}")]
    public static partial void RefusedCall(ILogger logger, string connection, string messageId, string action, OcppErrorCode errorCode, string reason);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Information, Message = "{Connection}: ignored a {Kind} for message id {MessageId}, which no pending CALL has")]
    public static partial void UnknownMessageId(ILogger logger, string connection, string kind, string messageId);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Warning, Message = "{Connection}: no answer to CALL {MessageId} ({Action}) within {TimeoutS} s")]
    public static partial void CallTimedOut(ILogger logger, string connection, string messageId, string action, double timeoutS);

    [LoggerMessage(EventId = 6106, Level = LogLevel.Error, Message = "{Connection}: the handler of {Action} failed; answered InternalError")]
    public static partial void HandlerFailed(ILogger logger, string connection, string action, Exception exception);

    [LoggerMessage(EventId = 6107, Level = LogLevel.Warning, Message = "{Connection}: the answer to CALL {MessageId} ({Action}) is invalid: {Reason}")]
    public static partial void InvalidResult(ILogger logger, string connection, string messageId, string action, string reason);

    [LoggerMessage(EventId = 6108, Level = LogLevel.Information, Message = "{Connection}: closed ({Status} {Description})")]
    public static partial void Closed(ILogger logger, string connection, System.Net.WebSockets.WebSocketCloseStatus? status, string? description);

    [LoggerMessage(EventId = 6109, Level = LogLevel.Information, Message = "{Connection}: the connection broke: {Reason}")]
    public static partial void ConnectionBroke(ILogger logger, string connection, string reason);

    [LoggerMessage(EventId = 6110, Level = LogLevel.Information, Message = "Connected to {Uri} with subprotocol {Subprotocol} (security profile {Profile})")]
    public static partial void Connected(ILogger logger, string uri, string subprotocol, int profile);

    [LoggerMessage(EventId = 6111, Level = LogLevel.Warning, Message = "{Uri} agreed no OCPP subprotocol (offered {Offered}, got '{Got}'); closing")]
    public static partial void NoSubprotocol(ILogger logger, string uri, string offered, string got);

    [LoggerMessage(EventId = 6112, Level = LogLevel.Warning, Message = "{Connection}: {Count} CALLs already wait for their handler; answered CALL {MessageId} ({Action}) with GenericError")]
    public static partial void TooManyCalls(ILogger logger, string connection, int count, string messageId, string action);

    [LoggerMessage(EventId = 6113, Level = LogLevel.Error, Message = "{Connection}: our own answer to {Action} breaks the schema; answered InternalError: {Reason}")]
    public static partial void InvalidOwnResponse(ILogger logger, string connection, string action, string reason);

    [LoggerMessage(EventId = 6114, Level = LogLevel.Warning, Message = "TLS check of the Central System certificate failed for {Uri}: {Errors}")]
    public static partial void ServerCertificateRejected(ILogger logger, string uri, string errors);
}
