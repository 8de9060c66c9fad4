namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// Where a station's current lies right now, per conductor, as far as the controller can know: exactly what it last
/// measured, or — while a setpoint it sent may be taking effect — anywhere between that and the new setpoint.
/// </summary>
public readonly record struct CurrentBand(PhaseCurrents LowA, PhaseCurrents HighA)
{
    public static CurrentBand Exactly(PhaseCurrents currentA) => new(currentA, currentA);

    public bool IsExact => LowA == HighA;

    /// <summary>The band that also holds <paramref name="currentA"/>.</summary>
    public CurrentBand Including(PhaseCurrents currentA) => new(
        new PhaseCurrents(Math.Min(LowA.L1, currentA.L1), Math.Min(LowA.L2, currentA.L2), Math.Min(LowA.L3, currentA.L3)),
        new PhaseCurrents(Math.Max(HighA.L1, currentA.L1), Math.Max(HighA.L2, currentA.L2), Math.Max(HighA.L3, currentA.L3)));
}
