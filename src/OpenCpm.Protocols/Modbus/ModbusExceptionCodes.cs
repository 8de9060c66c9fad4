namespace OpenCpm.Protocols.Modbus;

/// <summary>Names of the Modbus exception codes (Modbus Application Protocol v1.1b3, section 7).</summary>
public static class ModbusExceptionCodes
{
    public const byte IllegalFunction = 1;
    public const byte IllegalDataAddress = 2;
    public const byte IllegalDataValue = 3;
    public const byte ServerDeviceFailure = 4;
    public const byte GatewayPathUnavailable = 10;
    public const byte GatewayTargetFailedToRespond = 11;

    public static string Describe(byte code) => code switch
    {
        IllegalFunction => "illegal function",
        IllegalDataAddress => "illegal data address",
        IllegalDataValue => "illegal data value",
        ServerDeviceFailure => "server device failure",
        5 => "acknowledge",
        6 => "server device busy",
        8 => "memory parity error",
        GatewayPathUnavailable => "gateway path unavailable",
        GatewayTargetFailedToRespond => "gateway target device failed to respond",
        _ => "unknown exception code",
    };

    public static string DescribeFunction(byte function) => function switch
    {
        3 => "read holding registers (function 3)",
        4 => "read input registers (function 4)",
        _ => $"function {function}",
    };
}
