namespace OpenCpm.Core.LoadManagement;

/// <summary>A set of phases as a 3-bit mask (bit 0 = L1).</summary>
public readonly record struct PhaseSet(byte Mask)
{
    public static readonly PhaseSet None = new(0);

    public static readonly PhaseSet AllThree = new(0b111);

    public static IReadOnlyList<Phase> All { get; } = [Phase.L1, Phase.L2, Phase.L3];

    public static PhaseSet Of(Phase phase) => new((byte)(1 << (int)phase));

    /// <summary>The first <paramref name="count"/> phases: L1, L1+L2 or L1+L2+L3.</summary>
    public static PhaseSet First(int count) => count switch
    {
        <= 0 => None,
        1 => new(0b001),
        2 => new(0b011),
        _ => AllThree,
    };

    public bool Contains(Phase phase) => (Mask & (1 << (int)phase)) != 0;

    public int Count => ((Mask & 1) + ((Mask >> 1) & 1) + ((Mask >> 2) & 1));

    public bool IsEmpty => Mask == 0;

    public PhaseSet Union(PhaseSet other) => new((byte)(Mask | other.Mask));

    public PhaseSet Intersect(PhaseSet other) => new((byte)(Mask & other.Mask));

    public IEnumerable<Phase> Phases()
    {
        foreach (var p in All)
        {
            if (Contains(p))
            {
                yield return p;
            }
        }
    }

    public override string ToString() => IsEmpty ? "none" : string.Join("+", Phases());
}
