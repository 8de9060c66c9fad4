namespace OpenCpm.Core.LoadManagement;

/// <summary>One value in amperes per phase.</summary>
public readonly record struct PhaseCurrents(double L1, double L2, double L3)
{
    public static PhaseCurrents Zero => default;

    public static PhaseCurrents All(double value) => new(value, value, value);

    /// <summary>The same current on each of <paramref name="phases"/>, 0 on the others.</summary>
    public static PhaseCurrents On(PhaseSet phases, double amps) => new(
        phases.Contains(Phase.L1) ? amps : 0,
        phases.Contains(Phase.L2) ? amps : 0,
        phases.Contains(Phase.L3) ? amps : 0);

    public double this[Phase phase] => phase switch
    {
        Phase.L1 => L1,
        Phase.L2 => L2,
        Phase.L3 => L3,
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "A phase is L1, L2 or L3."),
    };

    public double Max => Math.Max(L1, Math.Max(L2, L3));

    public double Min => Math.Min(L1, Math.Min(L2, L3));

    public double Sum => L1 + L2 + L3;

    public PhaseCurrents With(Phase phase, double value) => phase switch
    {
        Phase.L1 => this with { L1 = value },
        Phase.L2 => this with { L2 = value },
        _ => this with { L3 = value },
    };

    public static PhaseCurrents operator +(PhaseCurrents a, PhaseCurrents b) => new(a.L1 + b.L1, a.L2 + b.L2, a.L3 + b.L3);

    public static PhaseCurrents operator -(PhaseCurrents a, PhaseCurrents b) => new(a.L1 - b.L1, a.L2 - b.L2, a.L3 - b.L3);

    public PhaseCurrents ClampMin(double floor) => new(Math.Max(L1, floor), Math.Max(L2, floor), Math.Max(L3, floor));

    public override string ToString() => FormattableString.Invariant($"L1 {L1:0.##} A, L2 {L2:0.##} A, L3 {L3:0.##} A");
}
