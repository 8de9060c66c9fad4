namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// Finds vehicles that draw clearly less than their setpoint (full battery taper, a car limited to 10 A) and holds
/// their setpoint near what they draw plus a margin, so the freed current goes to others. A held vehicle that
/// starts using its whole setpoint is released at once; every probe interval each held vehicle is offered its full
/// share again to see whether it wants more (load-management.md section 2, "use what vehicles leave unused").
/// </summary>
internal sealed class UnusedCurrentTracker(int chargePoints, AllocatorOptions options)
{
    private readonly double[] _capA = Filled(chargePoints, double.NaN);
    private readonly double[] _lastCommandedA = new double[chargePoints];
    private readonly DateTimeOffset[] _lastChangeAt = new DateTimeOffset[chargePoints];
    private readonly DateTimeOffset[] _lastProbeAt = new DateTimeOffset[chargePoints];

    /// <summary>The hold for a charge point, or NaN when its vehicle may take its full share.</summary>
    public double CapA(int cp) => _capA[cp];

    /// <summary>
    /// True when the charge point's setpoint has stood for the settle time (the vehicle had time to follow it); tracks
    /// setpoint changes as a side effect, so call it once per cycle before <see cref="Observe"/>.
    /// </summary>
    public bool IsSettled(int cp, double commandedA, DateTimeOffset now)
    {
        if (Math.Abs(commandedA - _lastCommandedA[cp]) > 1e-9)
        {
            _lastCommandedA[cp] = commandedA;
            _lastChangeAt[cp] = now;
        }

        return now - _lastChangeAt[cp] >= options.SettleTime;
    }

    /// <summary>Observes one cycle of a charge point. <paramref name="drawnA"/> is the highest current on the vehicle's phases.</summary>
    public void Observe(int cp, bool charging, double commandedA, double drawnA, double floorA, DateTimeOffset now)
    {
        var settled = IsSettled(cp, commandedA, now);
        if (!charging)
        {
            _capA[cp] = double.NaN;
            return;
        }

        var cap = _capA[cp];
        if (double.IsNaN(cap))
        {
            if (settled && commandedA - drawnA >= options.UnusedCurrentThresholdA)
            {
                _capA[cp] = Math.Max(floorA, drawnA + options.UnusedCurrentMarginA);
                _lastProbeAt[cp] = now;
            }

            return;
        }

        if (drawnA >= cap - (options.UnusedCurrentMarginA / 2))
        {
            _capA[cp] = double.NaN; // it uses what it has: it may want more
        }
        else if (now - _lastProbeAt[cp] >= options.ProbeInterval)
        {
            _capA[cp] = double.NaN; // probe: offer the full share again
            _lastProbeAt[cp] = now;
        }
        else if (settled && cap - drawnA > options.UnusedCurrentMarginA + (options.UnusedCurrentThresholdA / 2))
        {
            _capA[cp] = Math.Max(floorA, drawnA + options.UnusedCurrentMarginA); // follow a tapering vehicle down
        }
    }

    public void CopyFrom(UnusedCurrentTracker other, int from, int to)
    {
        _capA[to] = other._capA[from];
        _lastCommandedA[to] = other._lastCommandedA[from];
        _lastChangeAt[to] = other._lastChangeAt[from];
        _lastProbeAt[to] = other._lastProbeAt[from];
    }

    private static double[] Filled(int n, double value)
    {
        var a = new double[n];
        Array.Fill(a, value);
        return a;
    }
}
