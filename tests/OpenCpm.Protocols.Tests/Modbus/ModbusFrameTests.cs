using OpenCpm.Protocols.Modbus;

namespace OpenCpm.Protocols.Tests.Modbus;

public sealed class ModbusFrameTests
{
    public static TheoryData<string, ushort, byte, ModbusFunction, ushort, ushort> Requests => new()
    {
        { "00 01 00 00 00 06 01 03 9C 40 00 02", 1, 1, ModbusFunction.ReadHoldingRegisters, 40000, 2 },
        { "12 34 00 00 00 06 F0 04 00 0C 00 0C", 0x1234, 240, ModbusFunction.ReadInputRegisters, 12, 12 },
        { "FF FF 00 00 00 06 C8 03 C3 50 00 7D", 0xFFFF, 200, ModbusFunction.ReadHoldingRegisters, 50000, 125 },
    };

    [Theory, MemberData(nameof(Requests))]
    public void Encodes_and_decodes_read_requests(string wire, ushort transactionId, byte unitId, ModbusFunction function, ushort address, ushort count)
    {
        Assert.Equal(Hex.Bytes(wire), ModbusFrame.EncodeReadRequest(transactionId, unitId, function, address, count));
        Assert.Equal(
            new ModbusReadRequest(transactionId, unitId, (byte)function, address, count),
            ModbusFrame.DecodeReadRequest(Hex.Bytes(wire)));
    }

    public static TheoryData<string, ushort, byte, byte, ushort[]> Responses => new()
    {
        { "00 01 00 00 00 07 01 03 04 53 75 6E 53", 1, 1, 3, [0x5375, 0x6E53] },
        { "00 2A 00 00 00 05 F0 04 02 80 00", 42, 240, 4, [0x8000] },
        { "FF FE 00 00 00 09 01 03 06 00 00 FF FF 12 34", 0xFFFE, 1, 3, [0, 0xFFFF, 0x1234] },
    };

    [Theory, MemberData(nameof(Responses))]
    public void Encodes_and_decodes_read_responses(string wire, ushort transactionId, byte unitId, byte function, ushort[] registers)
    {
        Assert.Equal(Hex.Bytes(wire), ModbusFrame.EncodeReadResponse(transactionId, unitId, function, registers));
        var response = ModbusFrame.DecodeResponse(Hex.Bytes(wire));
        Assert.Equal((transactionId, unitId, function), (response.TransactionId, response.UnitId, response.Function));
        Assert.Equal(registers, response.Registers);
        Assert.False(response.IsException);
    }

    public static TheoryData<string, byte, byte> ExceptionResponses => new()
    {
        { "00 01 00 00 00 03 01 83 02", 3, 2 },
        { "00 07 00 00 00 03 C8 84 04", 4, 4 },
        { "00 08 00 00 00 03 01 83 0B", 3, 11 },
    };

    [Theory, MemberData(nameof(ExceptionResponses))]
    public void Encodes_and_decodes_exception_responses(string wire, byte function, byte code)
    {
        var bytes = Hex.Bytes(wire);
        var response = ModbusFrame.DecodeResponse(bytes);
        Assert.Equal(bytes, ModbusFrame.EncodeExceptionResponse(response.TransactionId, response.UnitId, function, code));
        Assert.Equal(function, response.Function);
        Assert.Equal(code, response.ExceptionCode);
    }

    public static TheoryData<string, string> MalformedResponses => new()
    {
        { "00 01 00 00 00", "Modbus frame is 5 bytes long but an MBAP header needs 7." },
        { "00 01 00 05 00 03 01 83 02", "Modbus frame 'protocol id' must be 0 but was 5." },
        { "00 01 00 00 01 00 01 03", "Modbus frame 'length' must be 2..254 but was 256." },
        { "00 01 00 00 00 01 01", "Modbus frame 'length' must be 2..254 but was 1." },
        { "00 01 00 00 00 07 01 03 04 53 75", "Modbus frame 'length' announces a PDU of 6 bytes but 4 followed." },
        { "00 01 00 00 00 05 01 03 03 53 75", "Modbus response 'byte count' must be an even number 2..250 but was 3." },
        { "00 01 00 00 00 05 01 03 04 53 75", "Modbus response 'byte count' says 4 bytes but 2 followed." },
        { "00 01 00 00 00 03 01 03 00", "Modbus response 'byte count' must be an even number 2..250 but was 0." },
        { "00 01 00 00 00 04 01 83 02 00", "Modbus exception response must have a PDU of 2 bytes but had 3." },
        { "00 01 00 00 00 05 01 10 02 00 00", "Modbus response 'function' must be 3 or 4 but was 16." },
        { "00 01 00 00 00 02 01 03", "Modbus response 'byte count' is missing." },
        { "DE AD BE EF 13 37 00 FF 42 42 42", "Modbus frame 'protocol id' must be 0 but was 48879." },
    };

    [Theory, MemberData(nameof(MalformedResponses))]
    public void Rejects_malformed_responses_with_a_sentence_naming_the_field(string wire, string error)
    {
        var exception = Assert.Throws<ModbusException>(() => ModbusFrame.DecodeResponse(Hex.Bytes(wire)));
        Assert.Equal(error, exception.Message);
        Assert.Equal(ModbusFailure.Malformed, exception.Failure);
    }

    public static TheoryData<string, string> MalformedRequests => new()
    {
        { "00 01 00 00 00 04 01 03 9C 40", "Modbus read request must have a PDU of 5 bytes but had 3." },
        { "00 01 00 01 00 06 01 03 9C 40 00 02", "Modbus frame 'protocol id' must be 0 but was 1." },
    };

    [Theory, MemberData(nameof(MalformedRequests))]
    public void Rejects_malformed_requests_with_a_sentence_naming_the_field(string wire, string error) =>
        Assert.Equal(error, Assert.Throws<ModbusException>(() => ModbusFrame.DecodeReadRequest(Hex.Bytes(wire))).Message);

    [Fact]
    public void Refuses_to_encode_a_read_of_more_than_125_registers() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusFrame.EncodeReadRequest(1, 1, ModbusFunction.ReadHoldingRegisters, 0, 126));

    [Fact]
    public void Never_fails_on_random_bytes_with_anything_but_a_modbus_exception()
    {
        var random = new Random(4711);
        for (var i = 0; i < 20_000; i++)
        {
            var frame = new byte[random.Next(0, 40)];
            random.NextBytes(frame);
            if (frame.Length >= 4 && random.Next(2) == 0)
            {
                frame[2] = 0; // a valid protocol id half of the time, so the deeper checks run too
                frame[3] = 0;
                if (frame.Length >= 6)
                {
                    frame[4] = 0;
                    frame[5] = (byte)(frame.Length - 6);
                }
            }

            try
            {
                ModbusFrame.DecodeResponse(frame);
            }
            catch (ModbusException)
            {
            }

            try
            {
                ModbusFrame.DecodeReadRequest(frame);
            }
            catch (ModbusException)
            {
            }
        }
    }
}
