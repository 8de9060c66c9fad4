namespace OpenCpm.Protocols.Modbus;

/// <summary>
/// One reading of a grid meter in engineering units; null where the meter has no value. Power is positive for
/// import from the grid whatever the meter's own convention.
/// </summary>
public sealed record MeterValues(
    double? CurrentL1A,
    double? CurrentL2A,
    double? CurrentL3A,
    double? VoltageL1V,
    double? VoltageL2V,
    double? VoltageL3V,
    double? PowerL1W,
    double? PowerL2W,
    double? PowerL3W,
    double? PowerTotalW,
    double? EnergyImportWh,
    double? EnergyExportWh)
{
    public static MeterValues From(IReadOnlyDictionary<MeterQuantity, double?> values)
    {
        double? Get(MeterQuantity q) => values.TryGetValue(q, out var v) ? v : null;
        return new MeterValues(
            Get(MeterQuantity.CurrentL1),
            Get(MeterQuantity.CurrentL2),
            Get(MeterQuantity.CurrentL3),
            Get(MeterQuantity.VoltageL1),
            Get(MeterQuantity.VoltageL2),
            Get(MeterQuantity.VoltageL3),
            Get(MeterQuantity.PowerL1),
            Get(MeterQuantity.PowerL2),
            Get(MeterQuantity.PowerL3),
            Get(MeterQuantity.PowerTotal),
            Get(MeterQuantity.EnergyImportTotal),
            Get(MeterQuantity.EnergyExportTotal));
    }

    public double? this[MeterQuantity quantity] => quantity switch
    {
        MeterQuantity.CurrentL1 => CurrentL1A,
        MeterQuantity.CurrentL2 => CurrentL2A,
        MeterQuantity.CurrentL3 => CurrentL3A,
        MeterQuantity.VoltageL1 => VoltageL1V,
        MeterQuantity.VoltageL2 => VoltageL2V,
        MeterQuantity.VoltageL3 => VoltageL3V,
        MeterQuantity.PowerL1 => PowerL1W,
        MeterQuantity.PowerL2 => PowerL2W,
        MeterQuantity.PowerL3 => PowerL3W,
        MeterQuantity.PowerTotal => PowerTotalW,
        MeterQuantity.EnergyImportTotal => EnergyImportWh,
        _ => EnergyExportWh,
    };
}
