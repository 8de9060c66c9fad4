using System.Globalization;
using OpenCpm.Protocols.Ocpp.V16;
using OpenCpm.Stations;

namespace OpenCpm.Ocpp;

/// <summary>
/// Sampled values from the stations' own readings (report 3 of a KEBA: energy register, power, currents and
/// voltages per phase, the current the pilot offers), one per measurand and phase, with unit, context and location.
/// Connector 0 is the network: the sum of the stations' energy registers and powers (currents and voltages of
/// different stations on different grid phases do not add up, so they are not reported there).
/// </summary>
internal static class OcppMeterReadings
{
    /// <summary>The values of <paramref name="measurands"/> at one connector; <paramref name="energyWh"/> replaces the station's register (a transaction's start or stop reading).</summary>
    public static IReadOnlyList<SampledValue> Connector(StationStatus status, IEnumerable<Measurand> measurands, ReadingContext context, double? energyWh = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        var values = new List<SampledValue>();
        foreach (var measurand in measurands)
        {
            switch (measurand)
            {
                case Measurand.EnergyActiveImportRegister:
                    values.Add(Value(energyWh ?? status.TotalEnergyWh, "0.#", context, measurand, null, UnitOfMeasure.Wh, Location.Outlet));
                    break;
                case Measurand.PowerActiveImport:
                    values.Add(Value(status.PowerW, "0", context, measurand, null, UnitOfMeasure.W, Location.Outlet));
                    break;
                case Measurand.CurrentImport:
                    values.Add(Value(status.CurrentsA.L1, "0.##", context, measurand, Phase.L1, UnitOfMeasure.A, Location.Outlet));
                    values.Add(Value(status.CurrentsA.L2, "0.##", context, measurand, Phase.L2, UnitOfMeasure.A, Location.Outlet));
                    values.Add(Value(status.CurrentsA.L3, "0.##", context, measurand, Phase.L3, UnitOfMeasure.A, Location.Outlet));
                    break;
                case Measurand.CurrentOffered:
                    values.Add(Value(status.OfferedCurrentA, "0.#", context, measurand, null, UnitOfMeasure.A, Location.Outlet));
                    break;
                case Measurand.Voltage:
                    values.Add(Value(status.VoltagesV.L1V, "0.#", context, measurand, Phase.L1N, UnitOfMeasure.V, Location.Outlet));
                    values.Add(Value(status.VoltagesV.L2V, "0.#", context, measurand, Phase.L2N, UnitOfMeasure.V, Location.Outlet));
                    values.Add(Value(status.VoltagesV.L3V, "0.#", context, measurand, Phase.L3N, UnitOfMeasure.V, Location.Outlet));
                    break;
            }
        }

        return values;
    }

    /// <summary>Connector 0: the network's energy and power as the sum of its stations'.</summary>
    public static IReadOnlyList<SampledValue> Network(IEnumerable<StationStatus> stations, IEnumerable<Measurand> measurands, ReadingContext context)
    {
        var all = stations.ToList();
        var values = new List<SampledValue>();
        foreach (var measurand in measurands)
        {
            if (measurand == Measurand.EnergyActiveImportRegister)
            {
                values.Add(Value(all.Sum(s => s.TotalEnergyWh), "0.#", context, measurand, null, UnitOfMeasure.Wh, null));
            }
            else if (measurand == Measurand.PowerActiveImport)
            {
                values.Add(Value(all.Sum(s => s.PowerW), "0", context, measurand, null, UnitOfMeasure.W, null));
            }
        }

        return values;
    }

    /// <summary>OCPP's meterStart/meterStop: whole Wh.</summary>
    public static int WholeWh(double energyWh) => (int)Math.Clamp(Math.Round(energyWh), 0, int.MaxValue);

    private static SampledValue Value(double value, string format, ReadingContext context, Measurand measurand, Phase? phase, UnitOfMeasure unit, Location? location) => new()
    {
        Value = (double.IsFinite(value) ? value : 0).ToString(format, CultureInfo.InvariantCulture),
        Context = context,
        Measurand = measurand,
        Phase = phase,
        Unit = unit,
        Location = location,
    };
}
