using OpenCpm.Core.ChargePoints;

namespace OpenCpm.Core.LoadManagement;

public sealed partial class Allocator
{
    /// <summary>
    /// After the fill: vehicles that paused by themselves get the minimum where current is left over; setpoints are
    /// rounded down to the stations' resolution; changes below the hysteresis are skipped where that is safe.
    /// </summary>
    private void FinishValues(ReadOnlySpan<ChargePointDemand> demands, int admittedCount)
    {
        var resolution = _options.SetpointResolutionA;
        Array.Clear(_load);
        for (var k = 0; k < admittedCount; k++)
        {
            var i = _admitted[k];
            var v = _value[i];
            var rounded = Math.Floor((v / resolution) + 1e-9) * resolution;
            _value[i] = Math.Min(v, Math.Max(_floor[i], rounded));
        }

        // Small increases are held back (always safe: lower).
        for (var k = 0; k < admittedCount; k++)
        {
            var i = _admitted[k];
            var previous = demands[i].CommandedSetpointA;
            if (previous >= _floor[i] && _value[i] > previous && _value[i] - previous < _options.HysteresisA)
            {
                _value[i] = previous;
            }

            _fill.AddLoad(i, _value[i], _load);
        }

        // Small decreases are held back only where every row still has room for it.
        for (var k = 0; k < admittedCount; k++)
        {
            var i = _admitted[k];
            var previous = demands[i].CommandedSetpointA;
            var step = previous - _value[i];
            if (step > 0 && step < _options.HysteresisA && previous <= _upper[i] + Eps && _fill.Fits(i, step, _load))
            {
                _fill.AddLoad(i, step, _load);
                _value[i] = previous;
            }
        }

        for (var i = 0; i < _category.Length; i++)
        {
            if (_category[i] != LowPriority)
            {
                continue;
            }

            _reason[i] = LimitReason.Of(LimitKind.Vehicle);
            if (_fill.Fits(i, _floor[i], _load))
            {
                _value[i] = _floor[i];
                _fill.AddLoad(i, _floor[i], _load);
            }
        }
    }

    /// <summary>
    /// The last line of defence (safety rule 1): recomputes every row from the final setpoints; should any row be
    /// over its capacity, everything on it is set to 0. Never triggers unless there is a bug; counted if it does.
    /// </summary>
    private void EnforceSafety()
    {
        Array.Clear(_load);
        for (var i = 0; i < _category.Length; i++)
        {
            if (_category[i] is Candidate or LowPriority && _value[i] > 0)
            {
                _fill.AddLoad(i, _value[i], _load);
            }
        }

        for (var r = 0; r < _load.Length; r++)
        {
            if (_load[r] <= _fill.Capacity[r] + ProgressiveFill.Tolerance(_fill.Capacity[r]))
            {
                continue;
            }

            var changed = false;
            for (var i = 0; i < _category.Length; i++)
            {
                if (_category[i] is Candidate or LowPriority && _value[i] > 0 && _fill.Loads(i, r))
                {
                    _fill.AddLoad(i, -_value[i], _load);
                    _value[i] = 0;
                    _reason[i] = _fill.RowReason[r];
                    changed = true;
                }
            }

            if (changed)
            {
                _result.SafetyCorrections++;
            }
        }
    }

    /// <summary>Writes setpoints, reasons, states, node sums, the queue and the command plan into the result.</summary>
    private void Publish(ReadOnlySpan<ChargePointDemand> demands, int candidateCount)
    {
        var result = _result;
        var siteSum = PhaseCurrents.Zero;
        var clusterSums = _clusterReserved; // reuse: overwritten below
        Array.Clear(clusterSums);

        for (var i = 0; i < _category.Length; i++)
        {
            var d = demands[i];
            var state = d.State == ChargePointState.Queued ? ChargePointState.SuspendedByController : d.State;
            if (_category[i] == Candidate && !_isAdmitted[i])
            {
                _value[i] = 0;
                Array.Clear(_scratchLoad);
                var blocking = _fill.FirstViolatedRow(i, _floor[i], _scratchLoad);
                if (_reason[i].Kind != LimitKind.MeterFallback)
                {
                    _reason[i] = blocking < 0 ? LimitReason.Of(LimitKind.Queue) : _fill.RowReason[blocking];
                }

                state = blocking < 0 && _reason[i].Kind == LimitKind.Queue ? ChargePointState.Queued : ChargePointState.SuspendedByController;
            }

            result.SetpointA[i] = _value[i];
            result.LimitedBy[i] = _reason[i];
            result.States[i] = state;

            var load = PhaseCurrents.On(result.GridPhases[i], _value[i]);
            siteSum += load;
            if (_model.ClusterOf[i] >= 0)
            {
                clusterSums[_model.ClusterOf[i]] += load;
            }

            if (d.State != ChargePointState.Offline && Math.Abs(_value[i] - d.CommandedSetpointA) > Eps)
            {
                result.Plan.Add(new SetpointChange(i, d.CommandedSetpointA, _value[i]));
            }
        }

        result.Site.SetpointSumA = siteSum;
        for (var c = 0; c < clusterSums.Length; c++)
        {
            result.Clusters[c].SetpointSumA = clusterSums[c];
        }

        // Queue in ticket order (small lists; insertion keeps it allocation-free).
        for (var k = 0; k < candidateCount; k++)
        {
            var i = _candidates[k];
            if (_isAdmitted[i] || result.States[i] != ChargePointState.Queued)
            {
                continue;
            }

            var pos = result.QueueList.Count;
            while (pos > 0 && _rotation.Ticket(result.QueueList[pos - 1]) > _rotation.Ticket(i))
            {
                pos--;
            }

            result.QueueList.Insert(pos, i);
        }
    }
}
