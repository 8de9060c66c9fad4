namespace OpenCpm.Protocols.Modbus;

/// <summary>
/// Any Modbus failure: an exception response of the meter, a malformed frame, a timeout or a lost connection.
/// The message is one sentence naming the function, the address and what went wrong.
/// </summary>
public sealed class ModbusException : Exception
{
    public ModbusException()
    {
    }

    public ModbusException(string message)
        : base(message)
    {
    }

    public ModbusException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ModbusException(string message, ModbusFailure failure, byte? exceptionCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        ExceptionCode = exceptionCode;
    }

    /// <summary>What kind of failure this is.</summary>
    public ModbusFailure Failure { get; }

    /// <summary>The Modbus exception code when the meter answered with an exception response.</summary>
    public byte? ExceptionCode { get; }
}
