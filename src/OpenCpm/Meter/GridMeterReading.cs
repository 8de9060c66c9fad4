using System.Globalization;
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
    /// <summary>
    /// A phase current beyond this is not a measurement but a fault (a float register read as NaN or ±∞, a wrong
    /// word order or scale): 2.5 times the largest site a controller may have.
    /// </summary>
    public const double MaxPlausibleCurrentA = 2.5 * SiteSettingsValidator.MaxSiteCurrentA;

    /// <summary>
    /// Builds a reading, or says why the values are not one: a phase current is missing, not a finite number or
    /// beyond <see cref="MaxPlausibleCurrentA"/> (such a reading is a bad reading and cannot drive load management;
    /// the meter is treated as not answering). Optional values that are not finite are left out.
    /// </summary>
    public static GridMeterReading? From(MeterValues values, DateTimeOffset timestamp, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.CurrentL1A is not { } l1 || values.CurrentL2A is not { } l2 || values.CurrentL3A is not { } l3)
        {
            problem = "The meter gave no current for every phase.";
            return null;
        }

        foreach (var (phase, current) in new[] { ("L1", l1), ("L2", l2), ("L3", l3) })
        {
            if (!(Math.Abs(current) <= MaxPlausibleCurrentA))
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"The meter gave {current} A on {phase}, which is not a current (bad reading; at most ±{MaxPlausibleCurrentA} A).");
                return null;
            }
        }

        problem = null;
        return new GridMeterReading(
            timestamp,
            new PhaseCurrents(l1, l2, l3),
            new PhaseValues(Finite(values.VoltageL1V), Finite(values.VoltageL2V), Finite(values.VoltageL3V)),
            new PhaseValues(Finite(values.PowerL1W), Finite(values.PowerL2W), Finite(values.PowerL3W)),
            Finite(values.PowerTotalW),
            Finite(values.EnergyImportWh),
            Finite(values.EnergyExportWh));
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
