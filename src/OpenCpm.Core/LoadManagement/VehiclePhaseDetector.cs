namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// Learns which station conductors a vehicle charges on from measured currents (manual 9.1.4): a conductor
/// carrying more than the threshold while the vehicle charges is in use. The set only grows during a session
/// (a car that starts on one phase and adds more is seen at once; noise never hides a phase again) and is
/// forgotten when the vehicle leaves.
/// </summary>
public sealed class VehiclePhaseDetector
{
    /// <summary>Current above which a conductor counts as in use.</summary>
    public double ThresholdA { get; init; } = 1.0;

    public PhaseSet Phases { get; private set; }

    /// <summary>Feeds one measurement taken while the vehicle is plugged in; returns the phases known so far.</summary>
    public PhaseSet Observe(PhaseCurrents measuredA)
    {
        var seen = PhaseSet.None;
        for (var p = Phase.L1; p <= Phase.L3; p++)
        {
            if (measuredA[p] > ThresholdA)
            {
                seen = seen.Union(PhaseSet.Of(p));
            }
        }

        Phases = Phases.Union(seen);
        return Phases;
    }

    /// <summary>The vehicle left: the next one starts unknown.</summary>
    public void Reset() => Phases = PhaseSet.None;
}
