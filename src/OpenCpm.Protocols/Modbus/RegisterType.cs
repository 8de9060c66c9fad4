namespace OpenCpm.Protocols.Modbus;

/// <summary>How a value is laid out in one or more 16-bit registers (profile JSON names in camel case).</summary>
#pragma warning disable CA1720 // The members are the register type names of the profile format.
public enum RegisterType
{
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Float32,
    Float64,
}
#pragma warning restore CA1720
