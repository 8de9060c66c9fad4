using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Meter;

/// <summary>One optional value per phase (voltages, powers); null where the meter has none.</summary>
public readonly record struct PhaseValues(double? L1, double? L2, double? L3)
{
    public double? this[Phase phase] => phase switch
    {
        Phase.L1 => L1,
        Phase.L2 => L2,
        _ => L3,
    };
}
