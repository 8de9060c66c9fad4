using System.Text.Json;

namespace OpenCpm.Protocols.Ocpp;

/// <summary>
/// A CALLERROR: thrown by <see cref="OcppConnection.CallAsync{TResponse}(IOcppRequest{TResponse}, CancellationToken)"/>
/// when the peer answered with one, and thrown by a handler of an incoming CALL to answer with one
/// (e.g. <see cref="OcppErrorCode.PropertyConstraintViolation"/> for a TxProfile without a transaction).
/// </summary>
public sealed class OcppCallErrorException : Exception
{
    public OcppCallErrorException()
        : this(OcppErrorCode.GenericError, "")
    {
    }

    public OcppCallErrorException(string message)
        : this(OcppErrorCode.GenericError, message)
    {
    }

    public OcppCallErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorCode = OcppErrorCode.GenericError;
        Description = message;
        Details = OcppJson.EmptyObject;
    }

    public OcppCallErrorException(OcppErrorCode errorCode, string description, JsonElement? details = null)
        : base(description.Length == 0 ? errorCode.ToString() : $"{errorCode}: {description}")
    {
        ErrorCode = errorCode;
        Description = description;
        Details = details ?? OcppJson.EmptyObject;
    }

    public OcppErrorCode ErrorCode { get; }

    public string Description { get; }

    public JsonElement Details { get; }
}
