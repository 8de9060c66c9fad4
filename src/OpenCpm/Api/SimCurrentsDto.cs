using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Api;

/// <summary>Amperes per grid phase.</summary>
internal sealed record SimCurrentsDto(double L1, double L2, double L3)
{
    public static SimCurrentsDto From(PhaseCurrents currents) =>
        new(Math.Round(currents.L1, 3), Math.Round(currents.L2, 3), Math.Round(currents.L3, 3));
}
