using OpenCpm.Protocols.Modbus;

namespace OpenCpm.Protocols.Tests.Modbus;

public sealed class RegisterCodecTests
{
    public static TheoryData<RegisterType, WordOrder, ushort[], double> Golden => new()
    {
        { RegisterType.Int16, WordOrder.Big, [0xFFFE], -2 },
        { RegisterType.Int16, WordOrder.Big, [0x7FFF], 32767 },
        { RegisterType.UInt16, WordOrder.Big, [0xFFFE], 65534 },
        { RegisterType.Int32, WordOrder.Big, [0xFFFF, 0xFFF6], -10 },
        { RegisterType.Int32, WordOrder.Little, [0xFFF6, 0xFFFF], -10 },
        { RegisterType.Int32, WordOrder.Little, [0x08FD, 0x0000], 2301 },
        { RegisterType.UInt32, WordOrder.Big, [0x0001, 0x0002], 65538 },
        { RegisterType.UInt32, WordOrder.Little, [0x0002, 0x0001], 65538 },
        { RegisterType.UInt32, WordOrder.Big, [0xFFFF, 0xFFFF], 4294967295 },
        { RegisterType.Int64, WordOrder.Big, [0xFFFF, 0xFFFF, 0xFFFF, 0xFF38], -200 },
        { RegisterType.Int64, WordOrder.Little, [0xFF38, 0xFFFF, 0xFFFF, 0xFFFF], -200 },
        { RegisterType.UInt64, WordOrder.Big, [0x0000, 0x0000, 0x0001, 0x86A0], 100000 },
        { RegisterType.UInt64, WordOrder.Little, [0x86A0, 0x0001, 0x0000, 0x0000], 100000 },
        { RegisterType.Float32, WordOrder.Big, [0x4366, 0x8000], 230.5 },
        { RegisterType.Float32, WordOrder.Little, [0x8000, 0x4366], 230.5 },
        { RegisterType.Float32, WordOrder.Big, [0xBFC0, 0x0000], -1.5 },
        { RegisterType.Float64, WordOrder.Big, [0x4093, 0x4A00, 0x0000, 0x0000], 1234.5 },
        { RegisterType.Float64, WordOrder.Little, [0x0000, 0x0000, 0x4A00, 0x4093], 1234.5 },
    };

    [Theory, MemberData(nameof(Golden))]
    public void Decodes_register_words(RegisterType type, WordOrder order, ushort[] words, double value) =>
        Assert.Equal(value, RegisterCodec.Decode(words, type, order));

    [Theory, MemberData(nameof(Golden))]
    public void Encodes_register_words(RegisterType type, WordOrder order, ushort[] words, double value)
    {
        var encoded = new ushort[words.Length];
        RegisterCodec.Encode(value, type, order, encoded);
        Assert.Equal(words, encoded);
    }

    [Fact]
    public void Decodes_float32_not_a_number() =>
        Assert.True(double.IsNaN(RegisterCodec.Decode([0x7FC0, 0x0000], RegisterType.Float32, WordOrder.Big)));

    [Theory]
    [InlineData(RegisterType.Int16, 40000)]
    [InlineData(RegisterType.UInt16, -1)]
    [InlineData(RegisterType.UInt32, 5e9)]
    public void Refuses_to_encode_values_that_do_not_fit(RegisterType type, double value) =>
        Assert.Throws<OverflowException>(() => RegisterCodec.Encode(value, type, WordOrder.Big, new ushort[4]));

    [Theory]
    [InlineData(2301, 0.1, 230.1)]
    [InlineData(5123, 0.001, 5.123)]
    [InlineData(1234, 0.01, 12.34)]
    [InlineData(7, 100, 700)]
    [InlineData(-11500, 0.1, -1150)]
    public void Applies_decimal_scales_exactly(double raw, double scale, double expected) =>
        Assert.Equal(expected, Scaling.Apply(raw, scale));

    [Theory]
    [InlineData(1234, -2, 12.34)]
    [InlineData(2300, -1, 230)]
    [InlineData(25, 3, 25000)]
    [InlineData(-5, 0, -5)]
    public void Applies_powers_of_ten_exactly(double raw, int exponent, double expected) =>
        Assert.Equal(expected, Scaling.PowerOfTen(raw, exponent));
}
