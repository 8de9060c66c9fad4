namespace OpenCpm.Protocols.Ocpp;

/// <summary>The connection closed (or was never running) before a CALL could be answered.</summary>
public sealed class OcppConnectionClosedException : Exception
{
    public OcppConnectionClosedException()
        : base("the OCPP connection is closed")
    {
    }

    public OcppConnectionClosedException(string message)
        : base(message)
    {
    }

    public OcppConnectionClosedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
