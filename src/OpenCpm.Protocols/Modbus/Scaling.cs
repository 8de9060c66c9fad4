namespace OpenCpm.Protocols.Modbus;

/// <summary>Applies scales and powers of ten so that decimal scales (0.1, 0.01 …) give the nearest double (2300 × 0.1 = 230, not 230.00000000000003).</summary>
public static class Scaling
{
    public static double Apply(double raw, double scale)
    {
        if (scale is > 0 and < 1)
        {
            var divisor = 1 / scale;
            var rounded = Math.Round(divisor);
            if (Math.Abs(divisor - rounded) < 1e-9 * rounded)
            {
                return raw / rounded;
            }
        }

        return raw * scale;
    }

    public static double PowerOfTen(double raw, int exponent) =>
        exponent >= 0 ? raw * Math.Pow(10, exponent) : raw / Math.Pow(10, -exponent);
}
