namespace OpenCpm.Protocols.Keba;

/// <summary>A datagram that is not valid KEBA UDP. The message is one sentence naming the field and the value.</summary>
public sealed class KebaProtocolException : Exception
{
    public KebaProtocolException()
    {
    }

    public KebaProtocolException(string message)
        : base(message)
    {
    }

    public KebaProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
