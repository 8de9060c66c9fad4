namespace OpenCpm.Core.LoadManagement;

public sealed partial class Allocator
{
    private int[] _refill = null!;
    private double[] _refillFloor = null!;
    private double[] _savedCapacity = null!;

    /// <summary>
    /// Fills the admitted vehicles max-min fairly from their floors. A vehicle on the low phase of an unbalanced-load
    /// pair lowers it by min(its setpoint, what it draws there); during the fill that credit is fixed at the least it
    /// will be (its setpoint after rounding can't be lower than its floor), so the result holds whatever the rounding.
    /// </summary>
    private void Fill(int admittedCount)
    {
        var admitted = _admitted.AsSpan(0, admittedCount);
        Array.Copy(_fill.Capacity, _savedCapacity, _savedCapacity.Length);
        Array.Clear(_load);
        foreach (var i in admitted)
        {
            _fill.AddCredit(i, _floor[i], _load);
        }

        for (var r = 0; r < _load.Length; r++)
        {
            _fill.Capacity[r] -= _load[r];
        }

        _fill.Run(admitted, _floor, _upper, _upperReason, _value, _reason);
        Array.Copy(_savedCapacity, _fill.Capacity, _savedCapacity.Length);
        if (_model.Settings.UnbalancedLoadLimitA is not null)
        {
            RefillAfterUnbalance(admittedCount);
        }
    }

    /// <summary>
    /// A vehicle frozen by an unbalanced-load pair gets room again when the vehicles on the pair's low phase rose above
    /// their floors and draw that much: it is filled again from where it stopped, with everybody else fixed and every
    /// credit counted at what its vehicle will at least have after rounding, until nothing moves (at most a few rounds).
    /// Values only rise, so credits only grow and every round stays within every row.
    /// </summary>
    private void RefillAfterUnbalance(int admittedCount)
    {
        for (var round = 0; round < 4; round++)
        {
            var count = 0;
            Array.Clear(_load);
            for (var k = 0; k < admittedCount; k++)
            {
                var i = _admitted[k];
                if (_reason[i].Kind == LimitKind.UnbalancedLoad && _value[i] < _upper[i] - Eps)
                {
                    _refill[count++] = i;
                    _refillFloor[i] = _value[i];
                }
                else
                {
                    _fill.AddLoad(i, _value[i], _load);
                }

                _fill.AddCredit(i, Rounded(i, _value[i]), _load);
            }

            if (count == 0)
            {
                return;
            }

            for (var r = 0; r < _load.Length; r++)
            {
                _fill.Capacity[r] -= _load[r];
            }

            _fill.Run(_refill.AsSpan(0, count), _refillFloor, _upper, _upperReason, _value, _reason);
            Array.Copy(_savedCapacity, _fill.Capacity, _savedCapacity.Length);

            var moved = false;
            for (var k = 0; k < count; k++)
            {
                moved |= _value[_refill[k]] > _refillFloor[_refill[k]] + 1e-6;
            }

            if (!moved)
            {
                return;
            }
        }
    }

    /// <summary>A setpoint rounded down to the stations' resolution, but never below the floor.</summary>
    private double Rounded(int i, double valueA)
    {
        var resolution = _options.SetpointResolutionA;
        var rounded = Math.Round(Math.Floor((valueA / resolution) + 1e-9) * resolution, 9); // 7.3, not 7.3000000000000007
        return Math.Min(valueA, Math.Max(_floor[i], rounded));
    }
}
