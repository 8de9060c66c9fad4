namespace OpenCpm.Control;

/// <summary>How the control loop is doing (for monitoring and tests).</summary>
/// <param name="Cycles">Completed control cycles.</param>
/// <param name="MeterToSetpoint">Time from the last new meter reading to the setpoints computed from it (inside the process).</param>
/// <param name="PendingReductions">Reductions sent and not yet settled (increases wait for them).</param>
/// <param name="CommandsInFlight">Setpoint commands on their way to stations right now.</param>
internal sealed record ControllerStatistics(long Cycles, TimeSpan? MeterToSetpoint, int PendingReductions, int CommandsInFlight)
{
    /// <summary>Set while the stored settings can't be taken in (see <see cref="Control.SettingsProblem"/>).</summary>
    public SettingsProblem? SettingsProblem { get; init; }

    public static ControllerStatistics None { get; } = new(0, null, 0, 0);
}
