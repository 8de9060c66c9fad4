namespace OpenCpm.Protocols.Modbus;

/// <summary>The kinds of Modbus failure, so callers can tell a meter's "no" from a broken link.</summary>
public enum ModbusFailure
{
    /// <summary>A frame or a value broke the protocol.</summary>
    Malformed,

    /// <summary>The meter answered with an exception response.</summary>
    ExceptionResponse,

    /// <summary>The meter did not answer in time.</summary>
    Timeout,

    /// <summary>The TCP connection could not be opened or was closed.</summary>
    Connection,
}
