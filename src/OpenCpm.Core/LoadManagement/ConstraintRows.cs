namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// The linear constraints of the allocation problem (load-management.md section 2) as rows
/// Σ coefficient·setpoint ≤ capacity: three site phases, the total power, six ordered phase pairs for the
/// unbalanced-load limit (load(p) − load(q) ≤ U) and three phases per cluster. A charge point's coefficients
/// follow from the grid phases it loads: 1 on each of its phases, its phase count on the power row, and
/// +1/−1 on the phase pairs it unbalances.
/// </summary>
internal static class ConstraintRows
{
    public const int PowerRow = 3;
    public const int ImbalanceRowBase = 4;
    public const int ClusterRowBase = 10;

    /// <summary>The most rows one charge point can touch: 3 site + power + 6 pairs + 3 cluster.</summary>
    public const int MaxRowsPerChargePoint = 13;

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

    /// <summary>Writes the rows and coefficients of a charge point loading <paramref name="grid"/>; returns how many.</summary>
    public static int Enumerate(PhaseSet grid, int cluster, Span<int> rows, Span<double> coefficients)
    {
        var k = 0;
        for (var p = 0; p < 3; p++)
        {
            if (grid.Contains((Phase)p))
            {
                rows[k] = p;
                coefficients[k++] = 1;
            }
        }

        if (grid.IsEmpty)
        {
            return 0;
        }

        rows[k] = PowerRow;
        coefficients[k++] = grid.Count;

        if (grid.Count < 3)
        {
            for (var p = 0; p < 3; p++)
            {
                for (var q = 0; q < 3; q++)
                {
                    if (p == q)
                    {
                        continue;
                    }

                    var c = (grid.Contains((Phase)p) ? 1 : 0) - (grid.Contains((Phase)q) ? 1 : 0);
                    if (c != 0)
                    {
                        rows[k] = ImbalanceRow(p, q);
                        coefficients[k++] = c;
                    }
                }
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
}
