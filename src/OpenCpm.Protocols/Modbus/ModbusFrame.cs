using System.Buffers.Binary;

namespace OpenCpm.Protocols.Modbus;

/// <summary>
/// Modbus TCP framing: the 7-byte MBAP header (transaction id, protocol id 0, length, unit id) followed by the PDU.
/// Encodes and decodes read requests and their responses in both directions (client and simulated server).
/// </summary>
public static class ModbusFrame
{
    /// <summary>Size of the MBAP header including the unit id.</summary>
    public const int HeaderLength = 7;

    /// <summary>Largest value of the MBAP length field (unit id + a PDU of at most 253 bytes).</summary>
    public const int MaxLengthField = 254;

    /// <summary>Most registers a read request may ask for.</summary>
    public const int MaxReadCount = 125;

    /// <summary>Size of a read request frame.</summary>
    public const int ReadRequestLength = 12;

    public static byte[] EncodeReadRequest(ushort transactionId, byte unitId, ModbusFunction function, ushort address, ushort count)
    {
        if (count is 0 or > MaxReadCount)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A read asks for 1 to 125 registers.");
        }

        var frame = new byte[ReadRequestLength];
        WriteHeader(frame, transactionId, unitId, 6);
        frame[7] = (byte)function;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(8), address);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(10), count);
        return frame;
    }

    /// <summary>
    /// Reads the MBAP header and returns how many bytes follow it (length field − 1).
    /// Throws <see cref="ModbusException"/> on a header no Modbus TCP peer may send.
    /// </summary>
    public static int DecodeHeader(ReadOnlySpan<byte> header, out ushort transactionId, out byte unitId)
    {
        if (header.Length < HeaderLength)
        {
            throw Malformed($"Modbus frame is {header.Length} bytes long but an MBAP header needs {HeaderLength}.");
        }

        transactionId = BinaryPrimitives.ReadUInt16BigEndian(header);
        var protocolId = BinaryPrimitives.ReadUInt16BigEndian(header[2..]);
        if (protocolId != 0)
        {
            throw Malformed($"Modbus frame 'protocol id' must be 0 but was {protocolId}.");
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(header[4..]);
        if (length is < 2 or > MaxLengthField)
        {
            throw Malformed($"Modbus frame 'length' must be 2..{MaxLengthField} but was {length}.");
        }

        unitId = header[6];
        return length - 1;
    }

    /// <summary>Decodes a complete response frame (header and PDU) to a read request.</summary>
    public static ModbusResponse DecodeResponse(ReadOnlySpan<byte> frame)
    {
        var pduLength = DecodeHeader(frame, out var transactionId, out var unitId);
        var pdu = frame[HeaderLength..];
        if (pdu.Length != pduLength)
        {
            throw Malformed($"Modbus frame 'length' announces a PDU of {pduLength} bytes but {pdu.Length} followed.");
        }

        return DecodeResponsePdu(transactionId, unitId, pdu);
    }

    /// <summary>Decodes the PDU of a response to a read request.</summary>
    public static ModbusResponse DecodeResponsePdu(ushort transactionId, byte unitId, ReadOnlySpan<byte> pdu)
    {
        if (pdu.IsEmpty)
        {
            throw Malformed("Modbus response 'function' is missing.");
        }

        var function = pdu[0];
        if ((function & 0x80) != 0)
        {
            if (pdu.Length != 2)
            {
                throw Malformed($"Modbus exception response must have a PDU of 2 bytes but had {pdu.Length}.");
            }

            return new ModbusResponse(transactionId, unitId, (byte)(function & 0x7F), [], pdu[1]);
        }

        if (function is not ((byte)ModbusFunction.ReadHoldingRegisters or (byte)ModbusFunction.ReadInputRegisters))
        {
            throw Malformed($"Modbus response 'function' must be 3 or 4 but was {function}.");
        }

        if (pdu.Length < 2)
        {
            throw Malformed("Modbus response 'byte count' is missing.");
        }

        var byteCount = pdu[1];
        if (byteCount % 2 != 0 || byteCount == 0)
        {
            throw Malformed($"Modbus response 'byte count' must be an even number 2..250 but was {byteCount}.");
        }

        if (pdu.Length - 2 != byteCount)
        {
            throw Malformed($"Modbus response 'byte count' says {byteCount} bytes but {pdu.Length - 2} followed.");
        }

        var registers = new ushort[byteCount / 2];
        for (var i = 0; i < registers.Length; i++)
        {
            registers[i] = BinaryPrimitives.ReadUInt16BigEndian(pdu[(2 + (2 * i))..]);
        }

        return new ModbusResponse(transactionId, unitId, function, registers, null);
    }

    /// <summary>Decodes a complete read request frame (server side).</summary>
    public static ModbusReadRequest DecodeReadRequest(ReadOnlySpan<byte> frame)
    {
        var pduLength = DecodeHeader(frame, out var transactionId, out var unitId);
        var pdu = frame[HeaderLength..];
        if (pdu.Length != pduLength)
        {
            throw Malformed($"Modbus frame 'length' announces a PDU of {pduLength} bytes but {pdu.Length} followed.");
        }

        if (pdu.Length != 5)
        {
            throw Malformed($"Modbus read request must have a PDU of 5 bytes but had {pdu.Length}.");
        }

        var address = BinaryPrimitives.ReadUInt16BigEndian(pdu[1..]);
        var count = BinaryPrimitives.ReadUInt16BigEndian(pdu[3..]);
        return new ModbusReadRequest(transactionId, unitId, pdu[0], address, count);
    }

    public static byte[] EncodeReadResponse(ushort transactionId, byte unitId, byte function, ReadOnlySpan<ushort> registers)
    {
        if (registers.Length is 0 or > MaxReadCount)
        {
            throw new ArgumentOutOfRangeException(nameof(registers), registers.Length, "A read response carries 1 to 125 registers.");
        }

        var frame = new byte[HeaderLength + 2 + (2 * registers.Length)];
        WriteHeader(frame, transactionId, unitId, (ushort)(3 + (2 * registers.Length)));
        frame[7] = function;
        frame[8] = (byte)(2 * registers.Length);
        for (var i = 0; i < registers.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(9 + (2 * i)), registers[i]);
        }

        return frame;
    }

    public static byte[] EncodeExceptionResponse(ushort transactionId, byte unitId, byte function, byte exceptionCode)
    {
        var frame = new byte[HeaderLength + 2];
        WriteHeader(frame, transactionId, unitId, 3);
        frame[7] = (byte)(function | 0x80);
        frame[8] = exceptionCode;
        return frame;
    }

    private static void WriteHeader(Span<byte> frame, ushort transactionId, byte unitId, ushort length)
    {
        BinaryPrimitives.WriteUInt16BigEndian(frame, transactionId);
        BinaryPrimitives.WriteUInt16BigEndian(frame[2..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(frame[4..], length);
        frame[6] = unitId;
    }

    private static ModbusException Malformed(string message) => new(message, ModbusFailure.Malformed);
}
