namespace OpenCpm.Core.LoadManagement;

public sealed partial class Allocator
{
    /// <summary>Lists the charge points that want current, sets their constraint rows and their queue tickets.</summary>
    private int CollectCandidates(bool stopAll)
    {
        var count = 0;
        for (var i = 0; i < _category.Length; i++)
        {
            if (_category[i] is Candidate or LowPriority)
            {
                _fill.SetRows(i, _result.GridPhases[i], _model.ClusterOf[i]);
            }

            if (_category[i] == Candidate)
            {
                _candidates[count++] = i;
                if (!stopAll)
                {
                    _rotation.EnsureTicket(i);
                }
            }
            else if (_category[i] == LowPriority)
            {
                // A vehicle that paused by itself neither keeps its round nor waits in the queue.
                _rotation.Forget(i);
            }
        }

        return count;
    }

    /// <summary>
    /// Decides who charges: every admitted vehicle must get at least its minimum current. Active charges keep
    /// priority, then the queue in order; when the rotation period is over and someone waits, the charges that
    /// have charged longest in their round yield until the head of the queue fits. Returns the admitted count.
    /// </summary>
    private int Admit(int candidateCount, DateTimeOffset now)
    {
        var admitted = AdmitInPriorityOrder(candidateCount);
        var waiting = admitted < candidateCount;
        if (!waiting)
        {
            _rotation.NextRotationAt = null;
        }
        else if (_rotation.NextRotationAt is null)
        {
            _rotation.NextRotationAt = now + _model.Settings.RotationPeriod;
        }
        else if (now >= _rotation.NextRotationAt && Rotate(admitted, candidateCount, now))
        {
            _rotation.NextRotationAt = now + _model.Settings.RotationPeriod;
            admitted = AdmitInPriorityOrder(candidateCount);
        }

        for (var k = 0; k < candidateCount; k++)
        {
            var i = _candidates[k];
            if (_isAdmitted[i])
            {
                _rotation.MarkActive(i, now);
            }
            else
            {
                _rotation.MarkWaiting(i);
            }
        }

        return admitted;
    }

    private int AdmitInPriorityOrder(int candidateCount)
    {
        for (var k = 0; k < candidateCount; k++)
        {
            _order[k] = _rotation.PriorityKey(_candidates[k]);
            _isAdmitted[_candidates[k]] = false;
        }

        Array.Sort(_order, _candidates, 0, candidateCount);
        Array.Clear(_load);
        var admitted = 0;

        // A second and third pass let a vehicle in that only fits once another one (on another phase) is in,
        // which matters for the unbalanced-load limit.
        for (var pass = 0; pass < 3; pass++)
        {
            var progress = false;
            for (var k = 0; k < candidateCount; k++)
            {
                var i = _candidates[k];
                if (!_isAdmitted[i] && _fill.Fits(i, _floor[i], _load))
                {
                    _fill.AddLoad(i, _floor[i], _load);
                    _isAdmitted[i] = true;
                    _admitted[admitted++] = i;
                    progress = true;
                }
            }

            if (!progress || admitted == candidateCount)
            {
                break;
            }
        }

        return admitted;
    }

    /// <summary>
    /// Pauses the charges that have charged longest (each for at least a full period) until the head of the queue
    /// fits; they go to the back of the queue. Returns false when nothing could be rotated.
    /// </summary>
    private bool Rotate(int admittedCount, int candidateCount, DateTimeOffset now)
    {
        var head = -1;
        Array.Clear(_scratchLoad);
        for (var k = 0; k < candidateCount && head < 0; k++)
        {
            var i = _candidates[k];
            if (!_isAdmitted[i] && _fill.Fits(i, _floor[i], _scratchLoad))
            {
                head = i; // candidates are sorted: the first waiting one that could charge at all
            }
        }

        if (head < 0)
        {
            return false;
        }

        Array.Copy(_load, _scratchLoad, _load.Length);
        var period = _model.Settings.RotationPeriod;
        var yielded = 0;
        while (!_fill.Fits(head, _floor[head], _scratchLoad))
        {
            var longest = -1;
            for (var k = 0; k < admittedCount; k++)
            {
                var i = _admitted[k];
                if (_isAdmitted[i] && now - _rotation.RoundStart(i) >= period && _fill.Loads(i, _fill.FirstViolatedRow(head, _floor[head], _scratchLoad))
                    && (longest < 0 || _rotation.RoundStart(i) < _rotation.RoundStart(longest)))
                {
                    longest = i;
                }
            }

            if (longest < 0)
            {
                // Undo: nobody could make room.
                for (var k = 0; k < admittedCount; k++)
                {
                    _isAdmitted[_admitted[k]] = true;
                }

                return false;
            }

            _fill.AddLoad(longest, -_floor[longest], _scratchLoad);
            _isAdmitted[longest] = false;
            yielded++;
        }

        for (var k = 0; k < admittedCount; k++)
        {
            var i = _admitted[k];
            if (!_isAdmitted[i])
            {
                _rotation.MarkWaiting(i);
            }
        }

        return yielded > 0;
    }
}
