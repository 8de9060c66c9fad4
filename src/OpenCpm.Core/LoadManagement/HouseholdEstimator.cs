namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// The household load per phase (everything the grid meter sees that is not charging): the meter minus what the
/// stations draw. The stations' currents are known only within a band (their last measurement, up to a poll old, and
/// setpoint changes on their way: <see cref="CurrentBand"/>), so the household is known only within the band
/// [meter − Σ high, meter − Σ low]. The estimate stays where it was while it fits that band — so the controller's own
/// changes, seen by the meter before the stations report them, never move it — and when the band leaves it behind it
/// goes to the band's top, the safe end (assume the stations draw the least they can; the rest is household): a
/// household step shows at once and in full, and a wrong guess only wastes current until the stations report.
/// Station currents the meter cannot account for (their lowest possible sum above what the meter measures, beyond a
/// tolerance) are not trusted: the whole meter reading then counts as household.
/// </summary>
public sealed class HouseholdEstimator
{
    /// <summary>How far the stations' sum may exceed the meter (meter and station accuracy, a poll's drift).</summary>
    public double PlausibilityToleranceA { get; init; } = 2.0;

    /// <summary>Plus this share of the meter reading.</summary>
    public double PlausibilityToleranceShare { get; init; } = 0.05;

    private PhaseCurrents? _estimate;

    /// <summary>The phases on which the last estimate found the stations' currents implausible.</summary>
    public PhaseSet Implausible { get; private set; }

    /// <summary>The last estimate (null before the first, or after <see cref="Reset"/>).</summary>
    public PhaseCurrents? Current => _estimate;

    /// <summary>Forget the estimate (the meter was lost or replaced): the next one starts at the safe end.</summary>
    public void Reset()
    {
        _estimate = null;
        Implausible = PhaseSet.None;
    }

    /// <param name="meterA">The meter's current per grid phase (positive = import).</param>
    /// <param name="stationsLowA">The least the stations may draw together, per grid phase.</param>
    /// <param name="stationsHighA">The most they may draw together, per grid phase.</param>
    public PhaseCurrents Estimate(PhaseCurrents meterA, PhaseCurrents stationsLowA, PhaseCurrents stationsHighA)
    {
        var implausible = PhaseSet.None;
        var estimate = PhaseCurrents.Zero;
        for (var p = Phase.L1; p <= Phase.L3; p++)
        {
            var meter = meterA[p];
            double top, bottom;
            if (stationsLowA[p] > Math.Max(meter, 0) + PlausibilityToleranceA + PlausibilityToleranceShare * Math.Abs(meter))
            {
                implausible = implausible.Union(PhaseSet.Of(p));
                top = bottom = meter;
            }
            else
            {
                top = meter - stationsLowA[p];
                bottom = meter - stationsHighA[p];
            }

            var previous = _estimate?[p];
            var value = previous is { } kept && kept >= bottom && kept <= top ? kept : top;
            estimate = estimate.With(p, value);
        }

        Implausible = implausible;
        _estimate = estimate;
        return estimate;
    }
}
