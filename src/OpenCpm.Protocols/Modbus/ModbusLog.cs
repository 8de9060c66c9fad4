using Microsoft.Extensions.Logging;

namespace OpenCpm.Protocols.Modbus;

/// <summary>Log messages of the Modbus area (event ids 4000–4099).</summary>
internal static partial class ModbusLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Debug, Message = "Connected to the Modbus meter at {Endpoint}")]
    public static partial void Connected(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "Dropped the connection to the Modbus meter at {Endpoint}: {Reason}")]
    public static partial void ConnectionDropped(ILogger logger, string endpoint, string reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Malformed Modbus frame from {Endpoint}: {Reason}")]
    public static partial void MalformedFrame(ILogger logger, string endpoint, string reason);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "Modbus meter at {Endpoint} answered with exception {ExceptionCode} at address {Address}")]
    public static partial void ExceptionResponse(ILogger logger, string endpoint, byte exceptionCode, ushort address);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "SunSpec meter model {ModelId} found at address {Address} (base {BaseAddress})")]
    public static partial void SunSpecModelFound(ILogger logger, int modelId, int address, int baseAddress);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Debug, Message = "Value at address {Address} is not available on this meter ({Reason})")]
    public static partial void ValueNotAvailable(ILogger logger, int address, string reason);
}
