namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// One station's setpoint changes that may still be on their way into the current its vehicle draws. A change counts
/// from the moment it is sent (the station may apply it before it answers) until a measurement taken late enough to
/// show it arrives: one taken after the change's settle time (the station's own delay, the pilot change, the vehicle's
/// reaction), or — for a reduction of a current that was flowing above the new setpoint — any later one that already
/// shows the current down at it. (A setpoint lowered above a current that never reached it is no reduction of what
/// flows: the vehicle may still rise to it.) Until then the station's current lies anywhere between what it last
/// measured and the new setpoint (<see cref="Band"/>). Not thread-safe: one per station, used under its owner's lock.
/// </summary>
public sealed class SetpointTransitions
{
    /// <summary>A measured current within this of the new setpoint shows the reduction arrived.</summary>
    public const double ToleranceA = 0.5;

    private const int MaxPending = 8;

    private readonly List<Transition> _pending = [];

    public int PendingCount => _pending.Count;

    /// <summary>
    /// A change to <paramref name="toA"/> left at <paramref name="sentAt"/>; it shows in the current as
    /// <paramref name="timing"/> says. <paramref name="fromA"/> is the most current that may have been flowing on the
    /// vehicle's conductors when it left (the top of the station's band).
    /// </summary>
    public void Sent(double fromA, double toA, DateTimeOffset sentAt, SetpointTiming timing)
    {
        if (_pending.Count == MaxPending)
        {
            _pending.RemoveAt(0);
        }

        _pending.Add(new Transition(fromA, toA, sentAt, sentAt + timing.EarliestEffect, sentAt + timing.Settled));
    }

    /// <summary>The station is gone or reports afresh from scratch (unreachable, reconfigured): nothing is on its way.</summary>
    public void Clear() => _pending.Clear();

    /// <summary>
    /// The band the station's current lies in at <paramref name="at"/>, given its last measurement (per conductor,
    /// taken at <paramref name="measuredAt"/>) and the conductors the vehicle uses (empty = all). Changes the
    /// measurement shows are dropped; changes that can't show yet at <paramref name="at"/> don't widen the band.
    /// </summary>
    public CurrentBand Band(PhaseCurrents measuredA, DateTimeOffset? measuredAt, PhaseSet vehicleConductors, DateTimeOffset at)
    {
        var conductors = vehicleConductors.IsEmpty ? PhaseSet.AllThree : vehicleConductors;
        _pending.RemoveAll(t => measuredAt is { } taken && t.ShownBy(measuredA, taken, conductors));
        var band = CurrentBand.Exactly(measuredA);
        foreach (var t in _pending)
        {
            if (at >= t.EffectFrom)
            {
                band = band.Including(PhaseCurrents.On(conductors, t.ToA));
            }
        }

        return band;
    }

    /// <summary>
    /// The most current the vehicle may draw (on its busiest conductor) until every change on its way has shown: what
    /// flowed when a reduction was sent counts until a measurement shows it gone or its settle time has passed. Call
    /// after <see cref="Band"/> (which drops the changes the measurement shows).
    /// </summary>
    public double StillMayDrawA(PhaseCurrents measuredA)
    {
        var most = measuredA.Max;
        foreach (var t in _pending)
        {
            most = Math.Max(most, Math.Max(t.FromA, t.ToA));
        }

        return most;
    }

    private readonly record struct Transition(double FromA, double ToA, DateTimeOffset SentAt, DateTimeOffset EffectFrom, DateTimeOffset SettledBy)
    {
        public bool ShownBy(PhaseCurrents measuredA, DateTimeOffset measuredAt, PhaseSet conductors)
        {
            if (measuredAt >= SettledBy)
            {
                return true;
            }

            if (measuredAt <= SentAt || ToA + ToleranceA >= FromA)
            {
                return false;
            }

            foreach (var p in conductors.Phases())
            {
                if (measuredA[p] > ToA + ToleranceA)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
