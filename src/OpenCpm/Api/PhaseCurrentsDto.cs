using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Api;

/// <summary>One value per phase, as <c>{ "l1", "l2", "l3" }</c>.</summary>
internal sealed record PhaseCurrentsDto(double L1, double L2, double L3)
{
    public static PhaseCurrentsDto From(PhaseCurrents c) => new(Math.Round(c.L1, 2), Math.Round(c.L2, 2), Math.Round(c.L3, 2));
}
