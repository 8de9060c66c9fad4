using OpenCpm.Protocols.Modbus;

namespace OpenCpm.Simulation.Meters;

/// <summary>How the simulated meter lays out SunSpec: base address, common model length (65, or 66 as KSEM ≥ 2.6) and meter model.</summary>
public sealed record SunSpecLayout(ushort BaseAddress = 40000, ushort CommonModelLength = 65, ushort ModelId = 213)
{
    public static SunSpecLayout For(MeterProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new SunSpecLayout(ModelId: (ushort)(profile.SunSpecModels.Count > 0 ? profile.SunSpecModels[0] : 213));
    }

    public ushort ModelAddress => (ushort)(BaseAddress + 2 + 2 + CommonModelLength);
}
