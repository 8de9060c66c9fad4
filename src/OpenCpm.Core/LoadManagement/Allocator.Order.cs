using OpenCpm.Core.ChargePoints;

namespace OpenCpm.Core.LoadManagement;

public sealed partial class Allocator
{
    /// <summary>
    /// Reduce before increase, in the current that flows and not only in the commands: a station whose reduction is
    /// still on its way (<see cref="ChargePointDemand.StillMayDrawA"/> above its new setpoint) counts at what may still
    /// flow until a measurement shows the current gone or the change's settle time has passed, and an increase goes out only when it fits every row with them. So an increase can never land
    /// before the current it takes over has left, however slow the other station and its vehicle are; only the
    /// increases that need current still in transition wait, the others go out at once.
    /// </summary>
    private void HoldIncreasesUntilFreed(ReadOnlySpan<ChargePointDemand> demands)
    {
        var plan = _result.Plan;
        _result.IncreasesHeldForReductions = 0;
        if (plan.Increases.Count == 0)
        {
            return;
        }

        var load = _scratchLoad;
        Array.Clear(load);
        var anyStillDrawing = false;
        for (var i = 0; i < demands.Length; i++)
        {
            var d = demands[i];
            if (d.State == ChargePointState.Offline)
            {
                continue; // reserved in every capacity already
            }

            // Only a change still on its way holds increases back (bounded by its settle time): a plain measurement above
            // the setpoint alone never does, or a station that reads a little high would block increases for good.
            var mayDraw = d.StillMayDrawA ?? 0;
            var stillDrawing = d.StillMayDrawA is not null && mayDraw > _value[i] + SetpointTransitions.ToleranceA;
            if (_category[i] is not (Candidate or LowPriority))
            {
                if (!stillDrawing)
                {
                    continue;
                }

                SetRows(i, _result.GridPhases[i]);
            }

            anyStillDrawing |= stillDrawing;
            _counted[i] = stillDrawing ? mayDraw : Math.Min(_value[i], d.CommandedSetpointA);
            _fill.AddExact(i, _counted[i], load);
        }

        if (!anyStillDrawing)
        {
            return;
        }

        _result.IncreasesHeldForReductions = plan.KeepIncreases(change =>
        {
            var i = change.ChargePoint;
            var from = _counted[i];
            if (!_fill.FitsChange(i, from, change.ToA, load))
            {
                return false;
            }

            _fill.AddExact(i, from, load, -1);
            _fill.AddExact(i, change.ToA, load);
            _counted[i] = change.ToA;
            return true;
        });
    }
}
