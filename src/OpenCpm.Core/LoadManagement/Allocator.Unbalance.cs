namespace OpenCpm.Core.LoadManagement;

public sealed partial class Allocator
{
    private int[]? _refill;
    private double[]? _refillFloor;
    private double[]? _savedCapacity;

    /// <summary>
    /// The unbalanced-load rows are differences between phases, so a vehicle frozen by one can get room again when
    /// the other phase fills up later in the same fill (several single-phase cars on L1 freeze early while L3 is
    /// still rising). Such vehicles are filled again from where they stopped, with everybody else fixed, until
    /// nothing moves (at most a few rounds).
    /// </summary>
    private void RefillAfterUnbalance(int admittedCount)
    {
        if (_model.Settings.UnbalancedLoadLimitA is null)
        {
            return;
        }

        var n = _value.Length;
        _refill ??= new int[n];
        _refillFloor ??= new double[n];
        _savedCapacity ??= new double[_fill.Capacity.Length];

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
            }

            if (count == 0)
            {
                return;
            }

            Array.Copy(_fill.Capacity, _savedCapacity, _savedCapacity.Length);
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
}
