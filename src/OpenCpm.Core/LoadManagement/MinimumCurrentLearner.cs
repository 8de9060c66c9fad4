namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// Learns, during a session, the minimum current a vehicle really needs (many plug-in hybrids and some older cars
/// won't start below 8–10 A, although IEC 61851 allows 6 A). A vehicle that was offered at least its floor for the
/// settle time and still takes nothing either paused by itself (full, waiting for its own timer) or needs more: when
/// it was seen charging at that current or lower before, or when it has been offered everything it may have, it
/// paused by itself; otherwise its floor rises one step (never above a current it was seen to accept) and the search
/// goes on. The learned floor is offered to the host (<see cref="Allocation.LearnedMinimumA"/>) to remember per card.
/// </summary>
internal sealed class MinimumCurrentLearner(int chargePoints, AllocatorOptions options)
{
    private readonly double[] _learnedA = Filled(chargePoints, double.NaN);
    private readonly double[] _lowestAcceptedA = Filled(chargePoints, double.PositiveInfinity);
    private readonly bool[] _searchDone = new bool[chargePoints];

    /// <summary>The floor learned in this session, or NaN.</summary>
    public double LearnedA(int cp) => _learnedA[cp];

    /// <summary>The vehicle left (or the station is gone): the next one starts unknown.</summary>
    public void Forget(int cp)
    {
        _learnedA[cp] = double.NaN;
        _lowestAcceptedA[cp] = double.PositiveInfinity;
        _searchDone[cp] = false;
    }

    /// <summary>The vehicle draws current at a setpoint that has stood for the settle time: it accepts that much.</summary>
    public void Accepted(int cp, double commandedA)
    {
        if (commandedA > 0)
        {
            _lowestAcceptedA[cp] = Math.Min(_lowestAcceptedA[cp], commandedA);
        }
    }

    /// <summary>
    /// The vehicle takes nothing at <paramref name="commandedA"/> (at least <paramref name="floorA"/>, settled).
    /// Returns true when it paused by itself; false when its floor was raised to look for the current it needs.
    /// </summary>
    public bool Refused(int cp, double commandedA, double floorA, double upperA)
    {
        if (_searchDone[cp] || commandedA >= _lowestAcceptedA[cp] - 1e-9)
        {
            return true;
        }

        if (commandedA >= upperA - 1e-9)
        {
            // Offered all it may have and still nothing: it paused by itself; its floor goes back to normal.
            _searchDone[cp] = true;
            _learnedA[cp] = double.NaN;
            return true;
        }

        var step = Math.Max(options.MinimumSearchStepA, 0.25 * commandedA);
        _learnedA[cp] = Math.Max(floorA, Math.Min(Math.Min(upperA, _lowestAcceptedA[cp]), Math.Floor(commandedA + step)));
        return false;
    }

    /// <summary>
    /// A vehicle held near what it drew (<see cref="UnusedCurrentTracker"/>) stopped at its hold of
    /// <paramref name="commandedA"/>: its minimum is above that, so its floor rises one step (never above a current it
    /// was seen to accept), and the next hold keeps it.
    /// </summary>
    public void StoppedAtHold(int cp, double commandedA, double floorA, double upperA)
    {
        var step = Math.Max(options.MinimumSearchStepA, 0.25 * commandedA);
        var raised = Math.Min(Math.Min(upperA, _lowestAcceptedA[cp]), Math.Floor(commandedA + step));
        if (raised > floorA && (double.IsNaN(_learnedA[cp]) || raised > _learnedA[cp]))
        {
            _learnedA[cp] = raised;
        }
    }

    public void CopyFrom(MinimumCurrentLearner other, int from, int to)
    {
        _learnedA[to] = other._learnedA[from];
        _lowestAcceptedA[to] = other._lowestAcceptedA[from];
        _searchDone[to] = other._searchDone[from];
    }

    private static double[] Filled(int n, double value)
    {
        var a = new double[n];
        Array.Fill(a, value);
        return a;
    }
}
