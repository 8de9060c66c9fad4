namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// The linear constraints of the allocation problem (load-management.md section 2) as rows
/// Σ coefficient·setpoint ≤ capacity: three site phases, the total power, six ordered phase pairs for the
/// unbalanced-load limit (load(p) − load(q) ≤ U) and three phases per cluster. A charge point loads the rows of the
/// grid phases it is counted on (1 on each, its phase count on the power row) and the pairs of a
/// <see cref="PairMask"/> (+1 where it may raise p above q). What a vehicle on the low phase q of a pair lowers the
/// pair by is not a coefficient but a credit: at most what it really draws there (<see cref="CreditRows"/>).
/// </summary>
internal static class ConstraintRows
{
    public const int PowerRow = 3;
    public const int ImbalanceRowBase = 4;
    public const int ClusterRowBase = 10;

    /// <summary>The most rows one charge point can load: 3 site + power + 6 pairs + 3 cluster.</summary>
    public const int MaxRowsPerChargePoint = 13;

    /// <summary>The most pairs a vehicle can lower: two (a 1-phase car lowers (q, p) for both other q).</summary>
    public const int MaxCreditsPerChargePoint = 2;

    public static int SiteRow(Phase p) => (int)p;

    public static int ClusterRow(int cluster, Phase p) => ClusterRowBase + (3 * cluster) + (int)p;

    /// <summary>Row of load(p) − load(q) ≤ U for p ≠ q.</summary>
    public static int ImbalanceRow(int p, int q) => ImbalanceRowBase + (p * 2) + (q > p ? q - 1 : q);

    public static (Phase High, Phase Low) ImbalancePair(int row)
    {
        var k = row - ImbalanceRowBase;
        var p = k / 2;
        var r = k % 2;
        var q = r < p ? r : r + 1;
        return ((Phase)p, (Phase)q);
    }

    /// <summary>The pairs (p, q) a vehicle loading exactly <paramref name="grid"/> raises: p in it, q not (bit = row − base).</summary>
    public static int PairMask(PhaseSet grid)
    {
        var mask = 0;
        for (var p = 0; p < 3; p++)
        {
            for (var q = 0; q < 3; q++)
            {
                if (p != q && grid.Contains((Phase)p) && !grid.Contains((Phase)q))
                {
                    mask |= 1 << (ImbalanceRow(p, q) - ImbalanceRowBase);
                }
            }
        }

        return mask;
    }

    /// <summary>
    /// The pairs an unconfirmed vehicle may raise, whatever it turns out to use: a vehicle with fewer phases than its
    /// station uses the station's first conductors (L1, or L1 and L2), so it loads one of three nested sets.
    /// </summary>
    public static int WorstCasePairMask(ChargePointSettings cp) =>
        cp.Connection == PhaseConnection.SinglePhase
            ? PairMask(cp.WiredGridPhases)
            : PairMask(cp.GridPhasesFor(PhaseSet.First(1))) | PairMask(cp.GridPhasesFor(PhaseSet.First(2)));

    /// <summary>Writes the rows and coefficients of a charge point counted on <paramref name="grid"/>; returns how many.</summary>
    public static int Enumerate(PhaseSet grid, int pairMask, int cluster, Span<int> rows, Span<double> coefficients)
    {
        if (grid.IsEmpty)
        {
            return 0;
        }

        var k = 0;
        for (var p = 0; p < 3; p++)
        {
            if (grid.Contains((Phase)p))
            {
                rows[k] = p;
                coefficients[k++] = 1;
            }
        }

        rows[k] = PowerRow;
        coefficients[k++] = grid.Count;

        for (var bit = 0; bit < 6; bit++)
        {
            if ((pairMask & (1 << bit)) != 0)
            {
                rows[k] = ImbalanceRowBase + bit;
                coefficients[k++] = 1;
            }
        }

        if (cluster >= 0)
        {
            for (var p = 0; p < 3; p++)
            {
                if (grid.Contains((Phase)p))
                {
                    rows[k] = ClusterRow(cluster, (Phase)p);
                    coefficients[k++] = 1;
                }
            }
        }

        return k;
    }

    /// <summary>
    /// The pairs (p, q) a vehicle known to load exactly <paramref name="grid"/> lowers (q in it, p not), with the grid
    /// phase q whose drawn current is its credit there. Returns how many (at most <see cref="MaxCreditsPerChargePoint"/>).
    /// </summary>
    public static int CreditRows(PhaseSet grid, Span<int> rows, Span<Phase> creditPhases)
    {
        var k = 0;
        if (grid.IsEmpty || grid.Count == 3)
        {
            return 0;
        }

        for (var p = 0; p < 3; p++)
        {
            for (var q = 0; q < 3; q++)
            {
                if (p != q && !grid.Contains((Phase)p) && grid.Contains((Phase)q))
                {
                    rows[k] = ImbalanceRow(p, q);
                    creditPhases[k++] = (Phase)q;
                }
            }
        }

        return k;
    }
}
