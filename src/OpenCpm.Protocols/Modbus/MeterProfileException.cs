namespace OpenCpm.Protocols.Modbus;

/// <summary>A meter profile file that cannot be used; the message names the file and the field.</summary>
public sealed class MeterProfileException : Exception
{
    public MeterProfileException()
    {
    }

    public MeterProfileException(string message)
        : base(message)
    {
    }

    public MeterProfileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
