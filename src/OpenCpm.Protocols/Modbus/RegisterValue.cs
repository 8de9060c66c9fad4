namespace OpenCpm.Protocols.Modbus;

/// <summary>
/// One numeric value in the register map: engineering value = raw × 10^exponent × factor × scale, where the
/// exponent and factor come from other registers when the profile names them.
/// </summary>
public sealed record RegisterValue(ModbusFunction Function, ushort Address, RegisterType Type, WordOrder WordOrder, double Scale)
{
    /// <summary>An int16 register holding a power-of-ten exponent (Gossen EM228X style).</summary>
    public RegisterValue? ExponentRegister { get; init; }

    /// <summary>A register holding a multiplier; used only when there is no exponent register (both encode the same factor).</summary>
    public RegisterValue? FactorRegister { get; init; }

    public int Count => RegisterCodec.RegisterCount(Type);
}
