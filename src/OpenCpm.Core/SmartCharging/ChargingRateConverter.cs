namespace OpenCpm.Core.SmartCharging;

/// <summary>
/// Converts between the two units of a schedule with the site's nominal voltage and the phases a station is wired
/// to: a phase current is W / (V × phases). A three-phase station is counted on three phases even when its vehicle
/// uses fewer, so the power that flows stays at or below the limit in watts.
/// </summary>
public static class ChargingRateConverter
{
    public static double ToAmps(double limit, ChargingRateUnit unit, double nominalVoltageV, int phases) =>
        unit == ChargingRateUnit.A ? limit : limit / (nominalVoltageV * Phases(phases));

    public static double FromAmps(double currentA, ChargingRateUnit unit, double nominalVoltageV, int phases) =>
        unit == ChargingRateUnit.A ? currentA : currentA * nominalVoltageV * Phases(phases);

    private static int Phases(int phases) => Math.Clamp(phases, 1, 3);
}
