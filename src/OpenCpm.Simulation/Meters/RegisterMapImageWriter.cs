using OpenCpm.Protocols.Modbus;

namespace OpenCpm.Simulation.Meters;

/// <summary>
/// Writes the registers of a register-map profile: each value divided by its scale (and by 10^exponent, with the
/// exponent chosen per exponent register so that all its mantissas fit int16), plus/minus pairs split by sign,
/// sums written to their first term.
/// </summary>
internal static class RegisterMapImageWriter
{
    public static void Write(MeterProfile profile, MeterValues values, Action<ModbusFunction, ushort, ushort> write)
    {
        var leaves = new List<(RegisterValue Register, double Value)>();
        foreach (var (quantity, point) in profile.Points)
        {
            var value = values[quantity] ?? 0;
            switch (point.Kind)
            {
                case MeterPointKind.Register:
                    leaves.Add((point.Terms[0], value));
                    break;
                case MeterPointKind.PlusMinusMinus:
                    leaves.Add((point.Terms[0], Math.Max(value, 0)));
                    leaves.Add((point.Terms[1], Math.Max(-value, 0)));
                    break;
                case MeterPointKind.Sum:
                    leaves.Add((point.Terms[0], value));
                    foreach (var term in point.Terms.Skip(1))
                    {
                        leaves.Add((term, 0));
                    }

                    break;
                default:
                    break;
            }
        }

        var exponents = leaves
            .Where(l => l.Register.ExponentRegister is not null)
            .GroupBy(l => (l.Register.ExponentRegister!.Function, l.Register.ExponentRegister.Address))
            .ToDictionary(
                g => g.Key,
                g => SunSpecImageWriter.ChooseExponent([.. g.Select(l => l.Value / l.Register.Scale)], Limit(g.First().Register.Type), -3));

        foreach (var (register, value) in leaves)
        {
            var raw = value / register.Scale;
            if (register.ExponentRegister is { } exponentRegister)
            {
                var exponent = exponents[(exponentRegister.Function, exponentRegister.Address)];
                WriteValue(exponentRegister, exponent, write);
                raw = Scaling.PowerOfTen(raw, -exponent);
            }
            else if (register.FactorRegister is { } factorRegister)
            {
                WriteValue(factorRegister, 1 / factorRegister.Scale, write);
            }

            WriteValue(register, raw, write);
        }
    }

    private static void WriteValue(RegisterValue register, double raw, Action<ModbusFunction, ushort, ushort> write)
    {
        Span<ushort> words = stackalloc ushort[register.Count];
        RegisterCodec.Encode(Fit(raw, register.Type), register.Type, register.WordOrder, words);
        for (var i = 0; i < words.Length; i++)
        {
            write(register.Function, (ushort)(register.Address + i), words[i]);
        }
    }

    private static double Limit(RegisterType type) => type switch
    {
        RegisterType.Int16 => short.MaxValue - 1,
        RegisterType.UInt16 => ushort.MaxValue - 1,
        RegisterType.Int32 => int.MaxValue,
        RegisterType.UInt32 => uint.MaxValue,
        _ => double.MaxValue,
    };

    /// <summary>Unsigned registers hold magnitudes; values are clamped to the type's range.</summary>
    private static double Fit(double raw, RegisterType type) => type switch
    {
        RegisterType.Int16 => Math.Clamp(raw, short.MinValue + 1, short.MaxValue),
        RegisterType.UInt16 => Math.Clamp(Math.Abs(raw), 0, ushort.MaxValue - 1),
        RegisterType.Int32 => Math.Clamp(raw, int.MinValue, int.MaxValue),
        RegisterType.UInt32 => Math.Clamp(Math.Abs(raw), 0, uint.MaxValue),
        RegisterType.Int64 => Math.Clamp(raw, -9.2e18, 9.2e18),
        RegisterType.UInt64 => Math.Clamp(Math.Abs(raw), 0, 1.8e19),
        _ => raw,
    };
}
