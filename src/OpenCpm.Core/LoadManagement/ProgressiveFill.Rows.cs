namespace OpenCpm.Core.LoadManagement;

/// <summary>The rows each charge point loads, and exact row loads (positive coefficients minus credits).</summary>
internal sealed partial class ProgressiveFill
{
    /// <summary>
    /// Sets the rows a charge point loads this cycle: the grid phases it is counted on and the unbalanced-load pairs
    /// it may raise (<see cref="ConstraintRows.PairMask"/>); no credits until <see cref="SetCredits"/>.
    /// </summary>
    public void SetRows(int cp, PhaseSet grid, int pairMask, int cluster)
    {
        var offset = cp * ConstraintRows.MaxRowsPerChargePoint;
        _rowCount[cp] = ConstraintRows.Enumerate(
            grid,
            pairMask,
            cluster,
            _rows.AsSpan(offset, ConstraintRows.MaxRowsPerChargePoint),
            _coefs.AsSpan(offset, ConstraintRows.MaxRowsPerChargePoint));
        _creditCount[cp] = 0;
    }

    /// <summary>
    /// A vehicle known to load exactly <paramref name="grid"/> lowers the pairs where it is on the low phase by
    /// min(its setpoint, what it draws there): <paramref name="drawnGridA"/> per grid phase.
    /// </summary>
    public void SetCredits(int cp, PhaseSet grid, PhaseCurrents drawnGridA)
    {
        Span<int> rows = stackalloc int[ConstraintRows.MaxCreditsPerChargePoint];
        Span<Phase> phases = stackalloc Phase[ConstraintRows.MaxCreditsPerChargePoint];
        var count = ConstraintRows.CreditRows(grid, rows, phases);
        var offset = cp * ConstraintRows.MaxCreditsPerChargePoint;
        for (var k = 0; k < count; k++)
        {
            _creditRows[offset + k] = rows[k];
            _creditCapA[offset + k] = Math.Max(0, drawnGridA[phases[k]]);
        }

        _creditCount[cp] = count;
    }

    /// <summary>Adds <paramref name="amountA"/> of a charge point's current to the row loads (positive coefficients only).</summary>
    public void AddLoad(int cp, double amountA, double[] load)
    {
        var offset = cp * ConstraintRows.MaxRowsPerChargePoint;
        for (var k = 0; k < _rowCount[cp]; k++)
        {
            load[_rows[offset + k]] += _coefs[offset + k] * amountA;
        }
    }

    /// <summary>Counts a charge point in (sign 1) or out (−1) of <paramref name="members"/>, per row it loads.</summary>
    public void CountMember(int cp, int[] members, int sign)
    {
        var offset = cp * ConstraintRows.MaxRowsPerChargePoint;
        for (var k = 0; k < _rowCount[cp]; k++)
        {
            members[_rows[offset + k]] += sign;
        }
    }

    /// <summary>Takes the credit of a charge point set to <paramref name="valueA"/> off the loads (sign −1 puts it back).</summary>
    public void AddCredit(int cp, double valueA, double[] load, int sign = 1)
    {
        var offset = cp * ConstraintRows.MaxCreditsPerChargePoint;
        for (var k = 0; k < _creditCount[cp]; k++)
        {
            load[_creditRows[offset + k]] -= sign * Math.Min(valueA, _creditCapA[offset + k]);
        }
    }

    /// <summary>The exact contribution of a charge point set to <paramref name="valueA"/>: its load minus its credit.</summary>
    public void AddExact(int cp, double valueA, double[] load, int sign = 1)
    {
        AddLoad(cp, sign * valueA, load);
        AddCredit(cp, valueA, load, sign);
    }

    /// <summary>True when a charge point may go from <paramref name="fromA"/> to <paramref name="toA"/> with every row within capacity.</summary>
    public bool FitsChange(int cp, double fromA, double toA, double[] load)
    {
        var delta = toA - fromA;
        var offset = cp * ConstraintRows.MaxRowsPerChargePoint;
        for (var k = 0; k < _rowCount[cp] && delta > 0; k++)
        {
            var r = _rows[offset + k];
            if (load[r] + (_coefs[offset + k] * delta) > Capacity[r] + Tolerance(Capacity[r]))
            {
                return false;
            }
        }

        var creditOffset = cp * ConstraintRows.MaxCreditsPerChargePoint;
        for (var k = 0; k < _creditCount[cp]; k++)
        {
            var cap = _creditCapA[creditOffset + k];
            var lost = Math.Min(fromA, cap) - Math.Min(toA, cap);
            var r = _creditRows[creditOffset + k];
            if (lost > 0 && load[r] + lost > Capacity[r] + Tolerance(Capacity[r]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when adding <paramref name="amountA"/> for a charge point keeps every row within capacity.</summary>
    public bool Fits(int cp, double amountA, double[] load) => FirstViolatedRow(cp, amountA, load) < 0;

    /// <summary>The first row that adding <paramref name="amountA"/> would overload, or -1.</summary>
    public int FirstViolatedRow(int cp, double amountA, double[] load)
    {
        var offset = cp * ConstraintRows.MaxRowsPerChargePoint;
        for (var k = 0; k < _rowCount[cp]; k++)
        {
            var c = _coefs[offset + k];
            if (c <= 0)
            {
                continue;
            }

            var r = _rows[offset + k];
            if (load[r] + (c * amountA) > Capacity[r] + Tolerance(Capacity[r]))
            {
                return r;
            }
        }

        return -1;
    }

    /// <summary>True when the charge point loads row <paramref name="row"/> (with a positive coefficient).</summary>
    public bool Loads(int cp, int row)
    {
        var offset = cp * ConstraintRows.MaxRowsPerChargePoint;
        for (var k = 0; k < _rowCount[cp]; k++)
        {
            if (_rows[offset + k] == row && _coefs[offset + k] > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The coefficient of a charge point on a row (0 when it does not load it).</summary>
    public double Coefficient(int cp, int row)
    {
        var offset = cp * ConstraintRows.MaxRowsPerChargePoint;
        for (var k = 0; k < _rowCount[cp]; k++)
        {
            if (_rows[offset + k] == row)
            {
                return _coefs[offset + k];
            }
        }

        return 0;
    }

    public static double Tolerance(double capacity) => double.IsInfinity(capacity) ? 0 : Eps * (1 + Math.Abs(capacity));
}
