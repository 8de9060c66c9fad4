namespace OpenCpm.Api;

/// <summary>
/// The one rule for measured and computed values shown to people — the REST API's live values (charge points, status,
/// meter, sessions) and <c>opencpm meter read</c>: amperes to 0.1 A; watts, watt-hours and volts whole. Settings are
/// given back as they were set and are not rounded. Never "-0".
/// </summary>
internal static class Rounding
{
    public static double Amperes(double a) => Round(a, 1);

    public static double? Amperes(double? a) => a is { } value ? Amperes(value) : null;

    public static double Watts(double w) => Round(w, 0);

    public static double? Watts(double? w) => w is { } value ? Watts(value) : null;

    public static double WattHours(double wh) => Round(wh, 0);

    public static double? WattHours(double? wh) => wh is { } value ? WattHours(value) : null;

    public static double Volts(double v) => Round(v, 0);

    public static double? Volts(double? v) => v is { } value ? Volts(value) : null;

    // Adding 0.0 turns a negative zero (from rounding -0.04) into 0.
    private static double Round(double value, int decimals) => double.IsFinite(value) ? Math.Round(value, decimals, MidpointRounding.AwayFromZero) + 0.0 : value;
}
