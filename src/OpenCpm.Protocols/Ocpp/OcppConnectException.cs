using System.Net;

namespace OpenCpm.Protocols.Ocpp;

/// <summary>Opening the WebSocket to a Central System failed. The message is one sentence naming the endpoint and the reason.</summary>
public sealed class OcppConnectException : Exception
{
    public OcppConnectException()
        : this("could not connect to the Central System")
    {
    }

    public OcppConnectException(string message)
        : base(message)
    {
    }

    public OcppConnectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OcppConnectException(string message, OcppConnectFailure failure, HttpStatusCode? httpStatusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        HttpStatusCode = httpStatusCode;
    }

    public OcppConnectFailure Failure { get; }

    /// <summary>The server's answer to the upgrade request, when it gave one other than 101.</summary>
    public HttpStatusCode? HttpStatusCode { get; }
}
