using OpenCpm.Protocols.Keba;

namespace OpenCpm.Simulation.Stations;

/// <summary>
/// Report 3 of a simulated station as real meters read: the mains voltage drifts by a few volts, the power factor
/// while charging stays below 1 (905–997 ‰, varying slowly), and when no current flows a c-series reads U1–U3 = 0 and
/// PF = 0 (an x-series shows the voltage while a vehicle is plugged in). Deterministic in the time and the serial.
/// </summary>
internal static class KebaMeterReadings
{
    public const int MinPowerFactorPerMille = 905;
    public const int MaxPowerFactorPerMille = 997;

    private const double VoltageSwingV = 2.5;
    private const double VoltagePeriodS = 53;
    private const double PowerFactorPeriodS = 127;

    public static KebaReport3 Report(
        KebaStationProfile profile, (int I1, int I2, int I3) currentsMilliA, bool vehiclePlugged, DateTimeOffset now, long sessionEnergyTenthsWh, long totalEnergyTenthsWh, long uptimeS)
    {
        if (!profile.HasMeter)
        {
            return new KebaReport3 { I1MilliA = 0, I2MilliA = 0, I3MilliA = 0, PowerMilliW = 0, SessionEnergyTenthsWh = 0, Serial = profile.Serial, UptimeS = uptimeS };
        }

        var (i1, i2, i3) = currentsMilliA;
        var charging = i1 + i2 + i3 > 0;
        var showVoltage = charging || (vehiclePlugged && profile.VoltageWhilePlugged);
        var t = now.ToUnixTimeMilliseconds() / 1000.0;
        var phase = Phase(profile.Serial);
        int Voltage(int k) => showVoltage ? (int)Math.Round(profile.VoltageV + VoltageSwingV * Math.Sin((2 * Math.PI * t / VoltagePeriodS) + phase + (2.1 * k))) : 0;
        var (u1, u2, u3) = (Voltage(0), Voltage(1), Voltage(2));
        var pf = charging ? PowerFactor(t, phase) : 0;
        return new KebaReport3
        {
            U1V = u1,
            U2V = u2,
            U3V = u3,
            I1MilliA = i1,
            I2MilliA = i2,
            I3MilliA = i3,
            PowerMilliW = (((long)u1 * i1) + ((long)u2 * i2) + ((long)u3 * i3)) * pf / 1000,
            PowerFactorPerMille = pf,
            SessionEnergyTenthsWh = sessionEnergyTenthsWh,
            TotalEnergyTenthsWh = totalEnergyTenthsWh,
            Serial = profile.Serial,
            UptimeS = uptimeS,
        };
    }

    private static int PowerFactor(double t, double phase)
    {
        var middle = (MinPowerFactorPerMille + MaxPowerFactorPerMille) / 2.0;
        var swing = (MaxPowerFactorPerMille - MinPowerFactorPerMille) / 2.0;
        return (int)Math.Round(middle + (swing * Math.Sin((2 * Math.PI * t / PowerFactorPeriodS) + phase)));
    }

    /// <summary>A stable phase per station, so stations of a fleet do not drift in step.</summary>
    private static double Phase(string serial)
    {
        var hash = 17;
        foreach (var c in serial)
        {
            hash = unchecked((hash * 31) + c);
        }

        return (hash & 0x3ff) / 1024.0 * 2 * Math.PI;
    }
}
