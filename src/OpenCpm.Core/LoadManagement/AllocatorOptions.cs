namespace OpenCpm.Core.LoadManagement;

/// <summary>Tuning of the allocator. The defaults are what the controller runs with.</summary>
public sealed record AllocatorOptions
{
    /// <summary>Setpoints are rounded down to this step (the stations' practical resolution).</summary>
    public double SetpointResolutionA { get; init; } = 0.1;

    /// <summary>Setpoint changes smaller than this are not sent unless safety needs them.</summary>
    public double HysteresisA { get; init; } = 0.5;

    /// <summary>A vehicle drawing this much less than its setpoint leaves current unused.</summary>
    public double UnusedCurrentThresholdA { get; init; } = 1.5;

    /// <summary>A vehicle that leaves current unused keeps a setpoint this much above what it draws.</summary>
    public double UnusedCurrentMarginA { get; init; } = 0.5;

    /// <summary>
    /// Time a vehicle gets to follow a new setpoint before its draw is judged: the EV reaction (IEC 61851: 5 s), the
    /// station's pilot delay (a P30 waits 6–7 s) and its report (pushed at once, polled every 5 s).
    /// </summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>How often a vehicle held near its draw is first offered more, to see if it wants more.</summary>
    public TimeSpan ProbeInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The longest wait between probes: each probe the vehicle does not follow doubles the wait up to this (a car
    /// that tapers for hours is not offered its full share every few minutes for nothing).
    /// </summary>
    public TimeSpan MaxProbeInterval { get; init; } = TimeSpan.FromMinutes(40);

    /// <summary>A probe raises a held vehicle's setpoint by this much or by <see cref="ProbeStepFraction"/>, whichever is more.</summary>
    public double ProbeStepA { get; init; } = 2;

    /// <summary>A probe raises a held vehicle's setpoint by this fraction or by <see cref="ProbeStepA"/>, whichever is more.</summary>
    public double ProbeStepFraction { get; init; } = 0.25;

    /// <summary>
    /// Outside safety reductions a vehicle keeps a start or a pause at least this long (load-management.md section 4),
    /// so nobody is switched on and off every cycle.
    /// </summary>
    public TimeSpan MinimumDwellTime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A vehicle that takes nothing at the current it is offered is offered this much (or 25 %) more to find the
    /// minimum it really needs (<see cref="MinimumCurrentLearner"/>).
    /// </summary>
    public double MinimumSearchStepA { get; init; } = 2;
}
