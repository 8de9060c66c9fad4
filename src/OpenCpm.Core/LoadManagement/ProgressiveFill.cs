namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// Max-min fair progressive filling ("water filling") over the constraint rows. Every participant starts at its
/// floor (the minimum charging current); a common level rises, lifting every participant whose floor it has
/// reached; a participant freezes when the level reaches its upper bound or when a row it loads becomes tight.
/// The result is the max-min fair allocation: nobody could get more without taking from someone who has no
/// more than them. With identical stations it reduces to the manual's "limit ÷ number of charges".
/// All coefficients are positive; what vehicles on the low phase of an unbalanced-load pair take off that pair is a
/// credit of at most their drawn current (<see cref="AddCredit"/>), which the caller folds into the capacities.
/// Buffers are reused between calls; the cost is O(n log n + events × rows).
/// </summary>
internal sealed partial class ProgressiveFill
{
    private const double Eps = 1e-9;
    private const byte Waiting = 1;
    private const byte Rising = 2;
    private const byte Frozen = 3;

    private readonly int[] _rowCount;
    private readonly int[] _rows;
    private readonly double[] _coefs;
    private readonly byte[] _status;
    private readonly int[] _byStart;
    private readonly int[] _byUpper;
    private readonly double[] _keys;
    private readonly double[] _fixed;
    private readonly double[] _rate;
    private readonly int[] _memberStart;
    private readonly int[] _members;
    private readonly int _rowTotal;
    private readonly int[] _creditCount;
    private readonly int[] _creditRows;
    private readonly double[] _creditCapA;

    public ProgressiveFill(int chargePoints, int rowCount)
    {
        var n = Math.Max(1, chargePoints);
        _rowCount = new int[n];
        _rows = new int[n * ConstraintRows.MaxRowsPerChargePoint];
        _coefs = new double[n * ConstraintRows.MaxRowsPerChargePoint];
        _status = new byte[n];
        _byStart = new int[n];
        _byUpper = new int[n];
        _keys = new double[n];
        _rowTotal = rowCount;
        Capacity = new double[rowCount];
        RowReason = new LimitReason[rowCount];
        _fixed = new double[rowCount];
        _rate = new double[rowCount];
        _memberStart = new int[rowCount + 1];
        _members = new int[n * ConstraintRows.MaxRowsPerChargePoint];
        _creditCount = new int[n];
        _creditRows = new int[n * ConstraintRows.MaxCreditsPerChargePoint];
        _creditCapA = new double[n * ConstraintRows.MaxCreditsPerChargePoint];
    }

    /// <summary>Capacity per row for the next <see cref="Run"/> (after reserved currents).</summary>
    public double[] Capacity { get; }

    /// <summary>The reason reported for a charge point frozen by each row.</summary>
    public LimitReason[] RowReason { get; }

    /// <summary>
    /// Fills the participants from <paramref name="floor"/> up to <paramref name="upper"/> within the row
    /// capacities. The floors must fit (admission checked that). Writes the value and the binding reason.
    /// </summary>
    public void Run(
        ReadOnlySpan<int> participants,
        double[] floor,
        double[] upper,
        LimitReason[] upperReason,
        double[] value,
        LimitReason[] reason)
    {
        var count = participants.Length;
        if (count == 0)
        {
            return;
        }

        Array.Clear(_fixed, 0, _rowTotal);
        Array.Clear(_rate, 0, _rowTotal);
        Array.Clear(_memberStart, 0, _rowTotal + 1);

        foreach (var i in participants)
        {
            _status[i] = Waiting;
            var offset = i * ConstraintRows.MaxRowsPerChargePoint;
            for (var k = 0; k < _rowCount[i]; k++)
            {
                var r = _rows[offset + k];
                _fixed[r] += _coefs[offset + k] * floor[i];
                if (_coefs[offset + k] > 0)
                {
                    _memberStart[r + 1]++;
                }
            }
        }

        BuildMembers(participants);
        Sort(participants, floor, _byStart);
        Sort(participants, upper, _byUpper);

        var active = count;
        var nextJoin = 0;
        var nextUpper = 0;
        var level = floor[_byStart[0]];
        var guard = (4 * count) + (4 * _rowTotal) + 16;

        while (active > 0)
        {
            while (nextJoin < count && floor[_byStart[nextJoin]] <= level + Eps)
            {
                Join(_byStart[nextJoin++], floor);
            }

            while (nextUpper < count && (_status[_byUpper[nextUpper]] == Frozen || upper[_byUpper[nextUpper]] <= level + Eps))
            {
                var j = _byUpper[nextUpper++];
                if (_status[j] != Frozen)
                {
                    Freeze(j, Math.Max(floor[j], upper[j]), upperReason[j], value, reason, ref active);
                }
            }

            for (var r = 0; r < _rowTotal; r++)
            {
                if (_rate[r] > Eps && Capacity[r] - _fixed[r] - (_rate[r] * level) <= Tolerance(Capacity[r]))
                {
                    FreezeRow(r, level, floor, value, reason, ref active);
                }
            }

            if (active == 0)
            {
                break;
            }

            var next = double.PositiveInfinity;
            while (nextJoin < count && _status[_byStart[nextJoin]] == Frozen)
            {
                nextJoin++;
            }

            if (nextJoin < count)
            {
                next = floor[_byStart[nextJoin]];
            }

            while (nextUpper < count && _status[_byUpper[nextUpper]] == Frozen)
            {
                nextUpper++;
            }

            if (nextUpper < count)
            {
                next = Math.Min(next, upper[_byUpper[nextUpper]]);
            }

            for (var r = 0; r < _rowTotal; r++)
            {
                if (_rate[r] > Eps)
                {
                    next = Math.Min(next, (Capacity[r] - _fixed[r]) / _rate[r]);
                }
            }

            if (--guard <= 0 || double.IsInfinity(next))
            {
                // Cannot happen with finite upper bounds; freeze everyone where they are rather than loop.
                foreach (var i in participants)
                {
                    if (_status[i] != Frozen)
                    {
                        Freeze(i, _status[i] == Rising ? level : floor[i], upperReason[i], value, reason, ref active);
                    }
                }

                break;
            }

            level = Math.Max(level, next);
        }

        foreach (var i in participants)
        {
            _status[i] = 0;
        }
    }

    private void BuildMembers(ReadOnlySpan<int> participants)
    {
        for (var r = 0; r < _rowTotal; r++)
        {
            _memberStart[r + 1] += _memberStart[r];
        }

        // _memberStart[r] is now the start of row r; use _rate as a temporary fill cursor (reset below).
        foreach (var i in participants)
        {
            var offset = i * ConstraintRows.MaxRowsPerChargePoint;
            for (var k = 0; k < _rowCount[i]; k++)
            {
                if (_coefs[offset + k] > 0)
                {
                    var r = _rows[offset + k];
                    _members[_memberStart[r] + (int)_rate[r]] = i;
                    _rate[r]++;
                }
            }
        }

        Array.Clear(_rate, 0, _rowTotal);
    }

    private void Sort(ReadOnlySpan<int> participants, double[] key, int[] order)
    {
        for (var k = 0; k < participants.Length; k++)
        {
            order[k] = participants[k];
            _keys[k] = key[participants[k]];
        }

        Array.Sort(_keys, order, 0, participants.Length);
    }

    private void Join(int i, double[] floor)
    {
        if (_status[i] != Waiting)
        {
            return;
        }

        _status[i] = Rising;
        var offset = i * ConstraintRows.MaxRowsPerChargePoint;
        for (var k = 0; k < _rowCount[i]; k++)
        {
            var r = _rows[offset + k];
            _fixed[r] -= _coefs[offset + k] * floor[i];
            _rate[r] += _coefs[offset + k];
        }
    }

    private void Freeze(int i, double at, LimitReason why, double[] value, LimitReason[] reason, ref int active)
    {
        if (_status[i] == Rising)
        {
            var offset = i * ConstraintRows.MaxRowsPerChargePoint;
            for (var k = 0; k < _rowCount[i]; k++)
            {
                var r = _rows[offset + k];
                _rate[r] -= _coefs[offset + k];
                _fixed[r] += _coefs[offset + k] * at;
            }
        }

        _status[i] = Frozen;
        value[i] = at;
        reason[i] = why;
        active--;
    }

    private void FreezeRow(int r, double level, double[] floor, double[] value, LimitReason[] reason, ref int active)
    {
        for (var m = _memberStart[r]; m < _memberStart[r + 1]; m++)
        {
            var i = _members[m];
            if (_status[i] == Rising)
            {
                Freeze(i, level, RowReason[r], value, reason, ref active);
            }
            else if (_status[i] == Waiting)
            {
                Freeze(i, floor[i], RowReason[r], value, reason, ref active);
            }
        }
    }
}
