using OpenCpm.Core.LoadManagement;
using OpenCpm.Protocols.Modbus;

namespace OpenCpm.Meter;

/// <summary>
/// One reading of the grid meter at the network connection. <see cref="CurrentA"/> is what flows through the
/// connection per phase (household load + charging stations; signed as the meter reports it: SunSpec float
/// meters show export as negative current). Power is positive for import from the grid.
/// </summary>
public sealed record GridMeterReading(
    DateTimeOffset Timestamp,
    PhaseCurrents CurrentA,
    PhaseValues VoltageV,
    PhaseValues PowerW,
    double? PowerTotalW,
    double? EnergyImportWh,
    double? EnergyExportWh)
{
    /// <summary>Builds a reading; null when a phase current is missing (such a reading cannot drive load management).</summary>
    public static GridMeterReading? From(MeterValues values, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.CurrentL1A is not { } l1 || values.CurrentL2A is not { } l2 || values.CurrentL3A is not { } l3)
        {
            return null;
        }

        return new GridMeterReading(
            timestamp,
            new PhaseCurrents(l1, l2, l3),
            new PhaseValues(values.VoltageL1V, values.VoltageL2V, values.VoltageL3V),
            new PhaseValues(values.PowerL1W, values.PowerL2W, values.PowerL3W),
            values.PowerTotalW,
            values.EnergyImportWh,
            values.EnergyExportWh);
    }
}
