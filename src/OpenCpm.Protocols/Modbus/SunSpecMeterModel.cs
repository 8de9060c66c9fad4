namespace OpenCpm.Protocols.Modbus;

/// <summary>
/// Facts of the SunSpec meter models (sunspec/models model_201..204 and model_211..214; offsets counted from the
/// model ID register), the "not implemented" sentinels and the discovery constants.
/// </summary>
public static class SunSpecMeterModel
{
    /// <summary>"SunS" as two registers.</summary>
    public const ushort Marker0 = 0x5375;
    public const ushort Marker1 = 0x6E53;

    public const ushort EndModelId = 0xFFFF;
    public const ushort CommonModelId = 1;

    /// <summary>Body length (L) of the integer + scale factor models.</summary>
    public const int IntModelLength = 105;

    /// <summary>Body length (L) of the float models.</summary>
    public const int FloatModelLength = 124;

    /// <summary>Registers read in one request for an integer model: ID … TotWh_SF (value and SF in the same request).</summary>
    public const int IntReadCount = 55;

    /// <summary>Registers read in one request for a float model: ID … TotWhImpPhC.</summary>
    public const int FloatReadCount = 76;

    /// <summary>Base addresses tried by discovery, in order.</summary>
    public static IReadOnlyList<ushort> BaseAddresses { get; } = [40000, 0, 50000];

    public static IReadOnlyList<SunSpecPoint> Points { get; } =
    [
        new("A", 2, false, 6, 2),
        new("AphA", 3, false, 6, 4),
        new("AphB", 4, false, 6, 6),
        new("AphC", 5, false, 6, 8),
        new("PhVphA", 8, false, 15, 12),
        new("PhVphB", 9, false, 15, 14),
        new("PhVphC", 10, false, 15, 16),
        new("Hz", 16, false, 17, 26),
        new("W", 18, false, 22, 28),
        new("WphA", 19, false, 22, 30),
        new("WphB", 20, false, 22, 32),
        new("WphC", 21, false, 22, 34),
        new("TotWhExp", 38, true, 54, 60),
        new("TotWhImp", 46, true, 54, 68),
    ];

    public static IEnumerable<string> PointNames => Points.Select(p => p.Name);

    public static bool IsKnownPoint(string name) => Points.Any(p => p.Name == name);

    public static SunSpecPoint Point(string name) => Points.First(p => p.Name == name);

    public static bool IsMeterModel(int id) => IsIntModel(id) || IsFloatModel(id);

    public static bool IsIntModel(int id) => id is >= 201 and <= 204;

    public static bool IsFloatModel(int id) => id is >= 211 and <= 214;

    /// <summary>
    /// Decodes a point from the registers of a model read from its ID register on; null for the "not implemented"
    /// sentinels (int16 0x8000, sunssf 0x8000, acc32 0, float NaN).
    /// </summary>
    public static double? Decode(ReadOnlySpan<ushort> model, int modelId, SunSpecPoint point)
    {
        if (IsFloatModel(modelId))
        {
            var value = RegisterCodec.Decode(model[point.FloatOffset..], RegisterType.Float32, WordOrder.Big);
            return double.IsNaN(value) ? null : value;
        }

        var scaleFactor = model[point.ScaleFactorOffset];
        if (scaleFactor == 0x8000)
        {
            return null;
        }

        double raw;
        if (point.IsAccumulator)
        {
            raw = RegisterCodec.Decode(model[point.IntOffset..], RegisterType.UInt32, WordOrder.Big);
            if (raw == 0)
            {
                return null;
            }
        }
        else
        {
            if (model[point.IntOffset] == 0x8000)
            {
                return null;
            }

            raw = (short)model[point.IntOffset];
        }

        return Scaling.PowerOfTen(raw, (short)scaleFactor);
    }
}
