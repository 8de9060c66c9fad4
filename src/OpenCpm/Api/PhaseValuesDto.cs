using OpenCpm.Meter;

namespace OpenCpm.Api;

/// <summary>One optional value per phase (null where the meter does not provide it).</summary>
internal sealed record PhaseValuesDto(double? L1, double? L2, double? L3)
{
    public static PhaseValuesDto Volts(PhaseValues v) => new(Rounding.Volts(v.L1), Rounding.Volts(v.L2), Rounding.Volts(v.L3));

    public static PhaseValuesDto Watts(PhaseValues v) => new(Rounding.Watts(v.L1), Rounding.Watts(v.L2), Rounding.Watts(v.L3));
}
