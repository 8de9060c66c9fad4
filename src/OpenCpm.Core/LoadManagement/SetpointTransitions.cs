namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// One station's setpoint changes that may still be on their way into the current its vehicle draws. A change counts
/// from the moment it is sent (the station may apply it before it answers) until a measurement taken late enough to
/// show it arrives: one taken after the change's settle time (the station's own delay, the pilot change, the vehicle's
/// reaction), or — for a reduction — any later one that already shows the current down at the new setpoint. Until
/// then the station's current lies anywhere between what it last measured and the new setpoint
/// (<see cref="Band"/>). Not thread-safe: one per station, used under its owner's lock.
/// </summary>
public sealed class SetpointTransitions
{
    /// <summary>A measured current within this of the new setpoint shows the reduction arrived.</summary>
    public const double ToleranceA = 0.5;

    private const int MaxPending = 8;

    private readonly List<Transition> _pending = [];

    public int PendingCount => _pending.Count;

    /// <summary>A change from <paramref name="fromA"/> to <paramref name="toA"/> left at <paramref name="sentAt"/> and shows in the current by <paramref name="settleTime"/> after.</summary>
    public void Sent(double fromA, double toA, DateTimeOffset sentAt, TimeSpan settleTime)
    {
        if (_pending.Count == MaxPending)
        {
            _pending.RemoveAt(0);
        }

        _pending.Add(new Transition(fromA, toA, sentAt, sentAt + settleTime));
    }

    /// <summary>The station is gone or reports afresh from scratch (unreachable, reconfigured): nothing is on its way.</summary>
    public void Clear() => _pending.Clear();

    /// <summary>
    /// The band the station's current lies in, given its last measurement (per conductor, taken at
    /// <paramref name="measuredAt"/>) and the conductors the vehicle uses (empty = all). Changes the measurement shows
    /// are dropped.
    /// </summary>
    public CurrentBand Band(PhaseCurrents measuredA, DateTimeOffset? measuredAt, PhaseSet vehicleConductors)
    {
        var conductors = vehicleConductors.IsEmpty ? PhaseSet.AllThree : vehicleConductors;
        _pending.RemoveAll(t => measuredAt is { } at && t.ShownBy(measuredA, at, conductors));
        var band = CurrentBand.Exactly(measuredA);
        foreach (var t in _pending)
        {
            band = band.Including(PhaseCurrents.On(conductors, t.ToA));
        }

        return band;
    }

    private readonly record struct Transition(double FromA, double ToA, DateTimeOffset SentAt, DateTimeOffset SettledBy)
    {
        public bool ShownBy(PhaseCurrents measuredA, DateTimeOffset measuredAt, PhaseSet conductors)
        {
            if (measuredAt >= SettledBy)
            {
                return true;
            }

            if (measuredAt <= SentAt || ToA >= FromA)
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
