using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Api;

/// <summary>One value per phase, as <c>{ "l1", "l2", "l3" }</c>.</summary>
internal sealed record PhaseCurrentsDto(double L1, double L2, double L3)
{
    /// <summary>Currents, rounded for people (<see cref="Rounding"/>).</summary>
    public static PhaseCurrentsDto From(PhaseCurrents c) => new(Rounding.Amperes(c.L1), Rounding.Amperes(c.L2), Rounding.Amperes(c.L3));

    /// <summary>Voltages, rounded for people.</summary>
    public static PhaseCurrentsDto FromVolts(double l1, double l2, double l3) => new(Rounding.Volts(l1), Rounding.Volts(l2), Rounding.Volts(l3));
}
