namespace OpenCpm.Core.LoadManagement;

public sealed partial class Allocator
{
    /// <summary>
    /// After the fill: setpoints are rounded down to the stations' resolution (never below the floor, which the fill's
    /// credits already assumed); changes below the hysteresis are skipped where every row — the unbalanced-load pairs
    /// included, where a lower setpoint on the low phase is not safe — still holds; vehicles that paused by themselves
    /// get the minimum where current is left over.
    /// </summary>
    private void FinishValues(int admittedCount, DateTimeOffset now)
    {
        Array.Clear(_load);
        for (var k = 0; k < admittedCount; k++)
        {
            var i = _admitted[k];
            _value[i] = Rounded(i, _value[i]);
            _fill.AddExact(i, _value[i], _load);
        }

        // Increases are held back where that keeps every row (lower is not always safe: see above) when they are small,
        // or when the station's setpoint changed less than the settle time ago: a vehicle is raised at most once per
        // settle time, so credits that follow what vehicles draw don't make setpoints chase each other every cycle.
        for (var k = 0; k < admittedCount; k++)
        {
            var i = _admitted[k];
            var previous = _previousA[i];
            if (previous >= _floor[i] && _value[i] > previous && (_value[i] - previous < _options.HysteresisA || !_settled[i]))
            {
                MoveIfItFits(i, previous);
            }
        }

        // Small decreases are held back only where every row still has room for it.
        for (var k = 0; k < admittedCount; k++)
        {
            var i = _admitted[k];
            var previous = _previousA[i];
            var step = previous - _value[i];
            if (step > 0 && step < _options.HysteresisA && previous <= _upper[i] + Eps)
            {
                MoveIfItFits(i, previous);
            }
        }

        for (var i = 0; i < _category.Length; i++)
        {
            if (_category[i] != LowPriority)
            {
                continue;
            }

            _reason[i] = LimitReason.Of(LimitKind.Vehicle);
            if (!_dwell.MustStayOff(i, now) && _fill.Fits(i, _floor[i], _load))
            {
                _value[i] = _floor[i];
                _fill.AddExact(i, _floor[i], _load);
            }
        }
    }

    private void MoveIfItFits(int i, double toA)
    {
        if (_fill.FitsChange(i, _value[i], toA, _load))
        {
            _fill.AddExact(i, _value[i], _load, -1);
            _fill.AddExact(i, toA, _load);
            _value[i] = toA;
        }
    }

    /// <summary>
    /// The last line of defence (safety rule 1): recomputes every row from the final setpoints, the credits of the
    /// vehicles on the low phase of a pair included. Should a row be over its capacity, the highest setpoints on it are
    /// lowered just enough (to their floors, then paused one by one), and the row is counted as a correction. Never
    /// triggers unless there is a bug; the property tests fail if it does.
    /// </summary>
    private void EnforceSafety()
    {
        Array.Clear(_load);
        for (var i = 0; i < _category.Length; i++)
        {
            if (_category[i] is Candidate or LowPriority && _value[i] > 0)
            {
                _fill.AddExact(i, _value[i], _load);
            }
        }

        for (var guard = 0; guard < 4 * _load.Length; guard++)
        {
            var row = -1;
            for (var r = 0; r < _load.Length && row < 0; r++)
            {
                if (_load[r] > _fill.Capacity[r] + ProgressiveFill.Tolerance(_fill.Capacity[r]) && HighestOn(r) >= 0)
                {
                    row = r;
                }
            }

            if (row < 0)
            {
                return;
            }

            _result.SafetyCorrections++;
            RepairRow(row);
        }
    }

    /// <summary>Lowers the highest setpoints on an overloaded row by as little as brings it back (pausing at the floor).</summary>
    private void RepairRow(int row)
    {
        var capacity = _fill.Capacity[row] + ProgressiveFill.Tolerance(_fill.Capacity[row]);
        int highest;
        while (_load[row] > capacity && (highest = HighestOn(row)) >= 0)
        {
            var excess = (_load[row] - _fill.Capacity[row]) / _fill.Coefficient(highest, row);
            var resolution = _options.SetpointResolutionA;
            var lowered = Math.Round(Math.Floor(((_value[highest] - excess) / resolution) - 1e-9) * resolution, 9);
            SetFinal(highest, lowered >= _floor[highest] ? lowered : _value[highest] > _floor[highest] + Eps ? _floor[highest] : 0, _fill.RowReason[row]);
        }
    }

    /// <summary>The charge point with the highest setpoint on a row, or -1 when no setpoint loads it.</summary>
    private int HighestOn(int row)
    {
        var highest = -1;
        for (var i = 0; i < _category.Length; i++)
        {
            if (_category[i] is Candidate or LowPriority && _value[i] > 0 && _fill.Loads(i, row)
                && (highest < 0 || _value[i] > _value[highest]))
            {
                highest = i;
            }
        }

        return highest;
    }

    private void SetFinal(int i, double valueA, LimitReason why)
    {
        _fill.AddExact(i, _value[i], _load, -1);
        _value[i] = valueA;
        _fill.AddExact(i, valueA, _load);
        _reason[i] = why;
    }
}
