namespace OpenCpm.Protocols.Modbus;

/// <summary>Order of the 16-bit words of a 32/64-bit value; bytes inside a register are always big-endian.</summary>
public enum WordOrder
{
    /// <summary>Most significant word first (ABCD).</summary>
    Big,

    /// <summary>Least significant word first (CDAB).</summary>
    Little,
}
