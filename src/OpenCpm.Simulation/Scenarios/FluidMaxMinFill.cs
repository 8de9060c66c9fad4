using OpenCpm.Core.LoadManagement;

namespace OpenCpm.Simulation.Scenarios;

/// <summary>
/// The ideal fluid max-min fair allocation in per-phase current (load-management.md 4a), the reference of the
/// <c>jainFairness</c> metric: no minimum current, no rounding, no reaction delay. A common level rises; every vehicle
/// below its own cap takes it; a vehicle freezes when it reaches its cap or when a row it loads becomes full. Rows:
/// the three site phases, the total power, the six phase pairs of the unbalanced-load limit (a vehicle on the low
/// phase of a pair lowers that pair's load) and three phases per cluster. Written apart from the allocator, on
/// purpose: it is the yardstick, not a copy of what it measures.
/// </summary>
internal sealed class FluidMaxMinFill
{
    private const double Eps = 1e-9;
    private const int PowerRow = 3;
    private const int PairBase = 4;
    private const int ClusterBase = 10;
    private const int MaxRows = 13;

    private readonly double[] _fixed;
    private readonly double[] _rate;
    private readonly List<int>[] _members;
    private readonly int[] _rows;
    private readonly int[] _coefs;
    private readonly int[] _rowCount;
    private readonly bool[] _frozen;
    private readonly int[] _byCap;
    private readonly double[] _capKeys;

    public FluidMaxMinFill(int vehicles, int clusters)
    {
        var rows = ClusterBase + (3 * clusters);
        Capacity = new double[rows];
        _fixed = new double[rows];
        _rate = new double[rows];
        _members = [.. Enumerable.Range(0, rows).Select(_ => new List<int>())];
        _rows = new int[vehicles * MaxRows];
        _coefs = new int[vehicles * MaxRows];
        _rowCount = new int[vehicles];
        _frozen = new bool[vehicles];
        _byCap = new int[vehicles];
        _capKeys = new double[vehicles];
    }

    /// <summary>Capacity per row: site phases 0–2, power (A summed over phases) 3, pairs 4–9, clusters from 10.</summary>
    public double[] Capacity { get; }

    public static int PairRow(Phase high, Phase low) => PairBase + ((int)high * 2) + ((int)low > (int)high ? (int)low - 1 : (int)low);

    public static int ClusterRow(int cluster, Phase p) => ClusterBase + (3 * cluster) + (int)p;

    /// <summary>
    /// Fills <paramref name="currentA"/> for the <paramref name="participants"/> (indices into the other arrays), each
    /// up to its <paramref name="capA"/>, on its grid <paramref name="phases"/>.
    /// </summary>
    public void Run(IReadOnlyList<int> participants, PhaseSet[] phases, int[] cluster, double[] capA, double[] currentA)
    {
        Array.Clear(_fixed);
        Array.Clear(_rate);
        foreach (var members in _members)
        {
            members.Clear();
        }

        var count = 0;
        foreach (var i in participants)
        {
            currentA[i] = 0;
            _frozen[i] = capA[i] <= Eps || phases[i].IsEmpty;
            if (_frozen[i])
            {
                continue;
            }

            SetRows(i, phases[i], cluster[i]);
            for (var k = 0; k < _rowCount[i]; k++)
            {
                var (r, c) = (_rows[(i * MaxRows) + k], _coefs[(i * MaxRows) + k]);
                _rate[r] += c;
                if (c > 0)
                {
                    _members[r].Add(i);
                }
            }

            _byCap[count] = i;
            _capKeys[count++] = capA[i];
        }

        Array.Sort(_capKeys, _byCap, 0, count);
        var active = count;
        var nextCap = 0;
        var level = 0.0;
        while (active > 0)
        {
            for (var r = 0; r < _rate.Length; r++)
            {
                if (_rate[r] > Eps && !double.IsPositiveInfinity(Capacity[r]) && Capacity[r] - _fixed[r] - (_rate[r] * level) <= Eps * (1 + Math.Abs(Capacity[r])))
                {
                    foreach (var i in _members[r])
                    {
                        if (!_frozen[i])
                        {
                            Freeze(i, level, currentA, ref active);
                        }
                    }
                }
            }

            while (nextCap < count && (_frozen[_byCap[nextCap]] || capA[_byCap[nextCap]] <= level + Eps))
            {
                var i = _byCap[nextCap++];
                if (!_frozen[i])
                {
                    Freeze(i, capA[i], currentA, ref active);
                }
            }

            if (active == 0)
            {
                break;
            }

            var next = capA[_byCap[nextCap]];
            for (var r = 0; r < _rate.Length; r++)
            {
                if (_rate[r] > Eps)
                {
                    next = Math.Min(next, Math.Max(level, (Capacity[r] - _fixed[r]) / _rate[r]));
                }
            }

            level = next;
        }
    }

    private void Freeze(int i, double at, double[] currentA, ref int active)
    {
        _frozen[i] = true;
        currentA[i] = Math.Max(0, at);
        for (var k = 0; k < _rowCount[i]; k++)
        {
            var (r, c) = (_rows[(i * MaxRows) + k], _coefs[(i * MaxRows) + k]);
            _rate[r] -= c;
            _fixed[r] += c * currentA[i];
        }

        active--;
    }

    private void SetRows(int i, PhaseSet phases, int cluster)
    {
        var k = 0;
        void Add(int row, int coefficient)
        {
            if (coefficient != 0)
            {
                _rows[(i * MaxRows) + k] = row;
                _coefs[(i * MaxRows) + k++] = coefficient;
            }
        }

        foreach (var p in PhaseSet.All)
        {
            var on = phases.Contains(p) ? 1 : 0;
            Add((int)p, on);
            if (cluster >= 0)
            {
                Add(ClusterRow(cluster, p), on);
            }

            foreach (var q in PhaseSet.All)
            {
                if (p != q)
                {
                    Add(PairRow(p, q), on - (phases.Contains(q) ? 1 : 0));
                }
            }
        }

        Add(PowerRow, phases.Count);
        _rowCount[i] = k;
    }
}
