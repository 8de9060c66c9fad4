namespace OpenCpm.Protocols.Ocpp;

/// <summary>
/// Bytes from a peer that are not valid OCPP-J, or a payload that breaks its action's schema. The message is one sentence
/// naming the field and the value; <see cref="ErrorCode"/> is the CALLERROR code that answers it. When the frame was a
/// CALL whose id could still be read, <see cref="MessageId"/> and <see cref="MessageType"/> say whom to answer.
/// </summary>
public sealed class OcppProtocolException : Exception
{
    public OcppProtocolException()
        : this("invalid OCPP-J message")
    {
    }

    public OcppProtocolException(string message)
        : this(message, OcppErrorCode.FormationViolation)
    {
    }

    public OcppProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorCode = OcppErrorCode.FormationViolation;
    }

    public OcppProtocolException(string message, OcppErrorCode errorCode, string? messageId = null, OcppMessageType? messageType = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
        MessageId = messageId;
        MessageType = messageType;
    }

    public OcppErrorCode ErrorCode { get; }

    public string? MessageId { get; }

    public OcppMessageType? MessageType { get; }

    /// <summary>True when the offending frame was a CALL with a readable id, so a CALLERROR can answer it.</summary>
    public bool CanBeAnswered => MessageType == OcppMessageType.Call && MessageId is not null;
}
