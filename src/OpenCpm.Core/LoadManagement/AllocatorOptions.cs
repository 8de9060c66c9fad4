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
    /// station's pilot delay (a P30 waits 6–7 s) and the station poll interval (5 s) together.
    /// </summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How often a vehicle held near its draw is offered its full share again, to see if it wants more.</summary>
    public TimeSpan ProbeInterval { get; init; } = TimeSpan.FromMinutes(5);
}
