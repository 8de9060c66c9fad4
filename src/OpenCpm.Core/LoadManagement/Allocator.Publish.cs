using OpenCpm.Core.ChargePoints;

namespace OpenCpm.Core.LoadManagement;

public sealed partial class Allocator
{
    /// <summary>Writes setpoints, reasons, states, node sums, the queue and the command plan into the result.</summary>
    private void Publish(ReadOnlySpan<ChargePointDemand> demands, int candidateCount, PhaseCurrents reserved, DateTimeOffset now)
    {
        var result = _result;
        result.UnreachableReservedExcessA = ReservedExcessA(reserved);
        var siteSum = PhaseCurrents.Zero;
        var clusterSums = _clusterReserved; // reuse: overwritten below
        Array.Clear(clusterSums);

        for (var i = 0; i < _category.Length; i++)
        {
            var d = demands[i];
            var state = d.State switch
            {
                ChargePointState.Queued => ChargePointState.SuspendedByController,
                // Held at 0 A only for want of a card: the vehicle is connected and waits for one, whatever the
                // station shows of the controller's hold.
                ChargePointState.SuspendedByController when _reason[i].Kind == LimitKind.Authorization => ChargePointState.Connected,
                _ => d.State,
            };
            if (_category[i] == Candidate && !_isAdmitted[i])
            {
                _value[i] = 0;
                var blocking = _fill.FirstViolatedRow(i, _floor[i], _zeroLoad);
                if (_reason[i].Kind != LimitKind.MeterLost)
                {
                    _reason[i] = blocking >= 0 ? _fill.RowReason[blocking] : LimitReason.Of(_blockedByHeld[i] ? LimitKind.Reservation : LimitKind.Queue);
                }

                state = blocking < 0 && _reason[i].Kind is LimitKind.Queue or LimitKind.Reservation ? ChargePointState.Queued : ChargePointState.SuspendedByController;
            }
            else if (_heldCounted[i] && d.State == ChargePointState.Idle)
            {
                _reason[i] = LimitReason.Of(LimitKind.Reservation); // its minimum is held back for the reserving vehicle
            }

            if (d.State != ChargePointState.Offline)
            {
                _dwell.Record(i, _value[i] > 0, now);
            }

            result.SetpointA[i] = _value[i];
            result.LimitedBy[i] = _reason[i];
            result.States[i] = state;
            var learned = _minimum.LearnedA(i);
            result.LearnedMinimumA[i] = double.IsNaN(learned) || learned <= _model.MinA[i] + Eps ? null : learned;

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

        PublishQueue(candidateCount);
    }

    /// <summary>
    /// How far the reservations for unreachable stations alone exceed a row (every capacity already has them taken off:
    /// capacity + reserved is the limit), in A; 0 when they fit.
    /// </summary>
    private double ReservedExcessA(PhaseCurrents reserved)
    {
        var cap = _fill.Capacity;
        var excess = Math.Max(0, reserved.Sum - Math.Max(0, cap[ConstraintRows.PowerRow] + reserved.Sum));
        for (var p = Phase.L1; p <= Phase.L3; p++)
        {
            excess = Math.Max(excess, reserved[p] - Math.Max(0, cap[ConstraintRows.SiteRow(p)] + reserved[p]));
            for (var c = 0; c < _clusterReserved.Length; c++)
            {
                var r = _clusterReserved[c][p];
                excess = Math.Max(excess, r - Math.Max(0, cap[ConstraintRows.ClusterRow(c, p)] + r));
            }
        }

        for (var row = ConstraintRows.ImbalanceRowBase; row < ConstraintRows.ClusterRowBase; row++)
        {
            excess = Math.Max(excess, -cap[row]);
        }

        return excess;
    }

    /// <summary>The queue in ticket order (small lists; insertion keeps it allocation-free).</summary>
    private void PublishQueue(int candidateCount)
    {
        var result = _result;
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
