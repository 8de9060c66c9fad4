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

    private PhaseCurrents _latestReading;
    private DateTimeOffset? _latestReadingAt;
    private PhaseCurrents? _readingBefore;
    private DateTimeOffset? _readingBeforeAt;

    public int PendingCount => _pending.Count;

    /// <summary>
    /// A change to <paramref name="toA"/> left at <paramref name="sentAt"/>; it shows in the current as
    /// <paramref name="timing"/> says. <paramref name="fromA"/> is the most current that may have been flowing on the
    /// vehicle's conductors when it left (the top of the station's band); <paramref name="previousSetpointA"/> what the
    /// station was told before (default: <paramref name="fromA"/>). Only a change below both lowers what may flow: a
    /// raise from a lower setpoint is no reduction even while an older measurement still shows more flowing, and a
    /// reading below it never shows it arrived (the vehicle may still rise to it).
    /// </summary>
    public void Sent(double fromA, double toA, DateTimeOffset sentAt, SetpointTiming timing, double? previousSetpointA = null)
    {
        if (_pending.Count == MaxPending)
        {
            _pending.RemoveAt(0);
        }

        var reduces = toA + ToleranceA < fromA && toA + ToleranceA < (previousSetpointA ?? fromA);
        _pending.Add(new Transition(fromA, toA, reduces, sentAt, sentAt + timing.EarliestEffect, sentAt + timing.Settled));
    }

    /// <summary>The station is gone or reports afresh from scratch (unreachable, reconfigured): nothing is on its way.</summary>
    public void Clear() => _pending.Clear();

    /// <summary>
    /// The band the station's current lies in at <paramref name="at"/>, given its last measurement (per conductor,
    /// taken at <paramref name="measuredAt"/>) and the conductors the vehicle uses (empty = all). Changes the
    /// measurement shows are dropped; changes that can't show yet at <paramref name="at"/> don't widen the band. A
    /// measurement taken after <paramref name="at"/> (a station's report newer than the meter's reading it is set
    /// against) says nothing of the current at <paramref name="at"/> alone: the one before it counts too, since the
    /// current may have changed from one to the other in between.
    /// </summary>
    public CurrentBand Band(PhaseCurrents measuredA, DateTimeOffset? measuredAt, PhaseSet vehicleConductors, DateTimeOffset at)
    {
        var conductors = vehicleConductors.IsEmpty ? PhaseSet.AllThree : vehicleConductors;
        if (measuredAt is { } newest && newest != _latestReadingAt)
        {
            _readingBefore = _latestReadingAt is null ? null : _latestReading;
            _readingBeforeAt = _latestReadingAt;
            (_latestReading, _latestReadingAt) = (measuredA, newest);
        }

        _pending.RemoveAll(t => measuredAt is { } taken && t.ShownBy(measuredA, taken, conductors));
        var band = CurrentBand.Exactly(measuredA);
        if (measuredAt > at && _readingBefore is { } before && _readingBeforeAt <= at)
        {
            band = band.Including(before);
        }

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

    private readonly record struct Transition(double FromA, double ToA, bool Reduces, DateTimeOffset SentAt, DateTimeOffset EffectFrom, DateTimeOffset SettledBy)
    {
        public bool ShownBy(PhaseCurrents measuredA, DateTimeOffset measuredAt, PhaseSet conductors)
        {
            if (measuredAt >= SettledBy)
            {
                return true;
            }

            if (measuredAt <= SentAt || !Reduces)
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
