namespace OpenCpm.Core.LoadManagement;

/// <summary>
/// Finds vehicles that draw clearly less than their setpoint (full battery taper, a car limited to 10 A) and holds
/// their setpoint near what they draw plus a margin, so the freed current goes to others (load-management.md section 2,
/// "use what vehicles leave unused"). A held vehicle is offered more in bounded steps (+2 A or +25 %): at once while it
/// uses all it has, and otherwise every probe interval; each probe it does not follow doubles that interval (up to a
/// maximum), so a car tapering for hours is not offered its full share every few minutes for nothing.
/// </summary>
internal sealed class UnusedCurrentTracker(int chargePoints, AllocatorOptions options)
{
    private readonly double[] _capA = Filled(chargePoints, double.NaN);
    private readonly double[] _lastCommandedA = new double[chargePoints];
    private readonly DateTimeOffset[] _lastChangeAt = new DateTimeOffset[chargePoints];
    private readonly DateTimeOffset[] _lastProbeAt = new DateTimeOffset[chargePoints];
    private readonly TimeSpan[] _probeInterval = new TimeSpan[chargePoints];
    private readonly bool[] _probing = new bool[chargePoints];

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

    /// <summary>
    /// Observes one cycle of a charge point. <paramref name="drawnA"/> is the highest current on the vehicle's phases;
    /// <paramref name="upperA"/> the most it may have from its other limits (a hold at or above it is released).
    /// </summary>
    public void Observe(int cp, bool charging, double commandedA, double drawnA, double floorA, double upperA, DateTimeOffset now)
    {
        var settled = IsSettled(cp, commandedA, now);
        if (!charging)
        {
            _capA[cp] = double.NaN;
            _probing[cp] = false;
            _probeInterval[cp] = options.ProbeInterval;
            return;
        }

        var cap = _capA[cp];
        var margin = options.UnusedCurrentMarginA;
        if (double.IsNaN(cap))
        {
            if (settled && commandedA - drawnA >= options.UnusedCurrentThresholdA)
            {
                _capA[cp] = Math.Max(floorA, drawnA + margin);
                _lastProbeAt[cp] = now;
                _probeInterval[cp] = options.ProbeInterval;
            }

            return;
        }

        // The hold binds when it is what limits the setpoint (otherwise the vehicle's share is lower anyway).
        var binding = commandedA >= cap - (margin / 2);
        if (binding && drawnA >= cap - (margin / 2))
        {
            // It uses all it has: it may want more.
            _probing[cp] = false;
            _probeInterval[cp] = options.ProbeInterval;
            Raise(cp, cap, upperA, now);
        }
        else if (settled && commandedA - drawnA > margin + (options.UnusedCurrentThresholdA / 2))
        {
            // Follow a tapering vehicle down; a probe it did not follow makes the next one wait longer.
            if (_probing[cp])
            {
                _probing[cp] = false;
                _probeInterval[cp] = Min(options.MaxProbeInterval, _probeInterval[cp] * 2);
            }

            _capA[cp] = Math.Max(floorA, drawnA + margin);
        }
        else if (binding && now - _lastProbeAt[cp] >= _probeInterval[cp])
        {
            _probing[cp] = true;
            Raise(cp, cap, upperA, now);
        }
    }

    public void CopyFrom(UnusedCurrentTracker other, int from, int to)
    {
        _capA[to] = other._capA[from];
        _lastCommandedA[to] = other._lastCommandedA[from];
        _lastChangeAt[to] = other._lastChangeAt[from];
        _lastProbeAt[to] = other._lastProbeAt[from];
        _probeInterval[to] = other._probeInterval[from];
        _probing[to] = other._probing[from];
    }

    private void Raise(int cp, double cap, double upperA, DateTimeOffset now)
    {
        var raised = cap + Math.Max(options.ProbeStepA, options.ProbeStepFraction * cap);
        _capA[cp] = raised >= upperA ? double.NaN : raised;
        _lastProbeAt[cp] = now;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static double[] Filled(int n, double value)
    {
        var a = new double[n];
        Array.Fill(a, value);
        return a;
    }
}
