namespace OpenCpm.Protocols.Modbus;

/// <summary>The Modbus function codes a grid meter is read with.</summary>
public enum ModbusFunction : byte
{
    ReadHoldingRegisters = 3,
    ReadInputRegisters = 4,
}
