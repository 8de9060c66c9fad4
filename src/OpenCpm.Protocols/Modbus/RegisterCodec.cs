using System.Globalization;

namespace OpenCpm.Protocols.Modbus;

/// <summary>Converts register words to numbers and back for every <see cref="RegisterType"/> and word order.</summary>
public static class RegisterCodec
{
    public static int RegisterCount(RegisterType type) => type switch
    {
        RegisterType.Int16 or RegisterType.UInt16 => 1,
        RegisterType.Int32 or RegisterType.UInt32 or RegisterType.Float32 => 2,
        _ => 4,
    };

    /// <summary>Decodes the raw (unscaled) value stored in <paramref name="words"/>.</summary>
    public static double Decode(ReadOnlySpan<ushort> words, RegisterType type, WordOrder wordOrder)
    {
        var count = RegisterCount(type);
        if (words.Length < count)
        {
            throw new ArgumentException($"A {type} value needs {count} registers but {words.Length} were given.", nameof(words));
        }

        ulong bits = 0;
        for (var i = 0; i < count; i++)
        {
            var word = wordOrder == WordOrder.Big ? words[i] : words[count - 1 - i];
            bits = (bits << 16) | word;
        }

        return type switch
        {
            RegisterType.Int16 => (short)bits,
            RegisterType.UInt16 => (ushort)bits,
            RegisterType.Int32 => (int)bits,
            RegisterType.UInt32 => (uint)bits,
            RegisterType.Int64 => (long)bits,
            RegisterType.UInt64 => bits,
            RegisterType.Float32 => BitConverter.UInt32BitsToSingle((uint)bits),
            _ => BitConverter.UInt64BitsToDouble(bits),
        };
    }

    /// <summary>Encodes a raw (unscaled) value; integers are rounded and must fit the type.</summary>
    public static void Encode(double raw, RegisterType type, WordOrder wordOrder, Span<ushort> words)
    {
        var count = RegisterCount(type);
        if (words.Length < count)
        {
            throw new ArgumentException($"A {type} value needs {count} registers but {words.Length} were given.", nameof(words));
        }

        var bits = type switch
        {
            RegisterType.Int16 => (ulong)(ushort)checked((short)Round(raw, short.MinValue, short.MaxValue)),
            RegisterType.UInt16 => (ulong)checked((ushort)Round(raw, ushort.MinValue, ushort.MaxValue)),
            RegisterType.Int32 => (ulong)(uint)checked((int)Round(raw, int.MinValue, int.MaxValue)),
            RegisterType.UInt32 => (ulong)checked((uint)Round(raw, uint.MinValue, uint.MaxValue)),
            RegisterType.Int64 => (ulong)checked((long)Round(raw, long.MinValue, long.MaxValue)),
            RegisterType.UInt64 => checked((ulong)Round(raw, ulong.MinValue, ulong.MaxValue)),
            RegisterType.Float32 => BitConverter.SingleToUInt32Bits((float)raw),
            _ => BitConverter.DoubleToUInt64Bits(raw),
        };

        for (var i = count - 1; i >= 0; i--)
        {
            var word = (ushort)(bits & 0xFFFF);
            bits >>= 16;
            words[wordOrder == WordOrder.Big ? i : count - 1 - i] = word;
        }
    }

    private static double Round(double raw, double min, double max)
    {
        var rounded = Math.Round(raw, MidpointRounding.AwayFromZero);
        if (double.IsNaN(rounded) || rounded < min || rounded > max)
        {
            throw new OverflowException(string.Create(CultureInfo.InvariantCulture, $"{raw} does not fit {min}..{max}."));
        }

        return rounded;
    }
}
