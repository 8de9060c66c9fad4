using OpenCpm.Meter;

namespace OpenCpm.Api;

/// <summary>One optional value per phase (null where the meter does not provide it).</summary>
internal sealed record PhaseValuesDto(double? L1, double? L2, double? L3)
{
    public static PhaseValuesDto From(PhaseValues v) => new(v.L1, v.L2, v.L3);
}
