namespace OpenCpm.Protocols.Modbus;

/// <summary>The quantities a grid meter profile maps (profile JSON keys in camel case: currentL1 … energyExportTotal).</summary>
public enum MeterQuantity
{
    CurrentL1,
    CurrentL2,
    CurrentL3,
    VoltageL1,
    VoltageL2,
    VoltageL3,
    PowerL1,
    PowerL2,
    PowerL3,
    PowerTotal,
    EnergyImportTotal,
    EnergyExportTotal,
}
