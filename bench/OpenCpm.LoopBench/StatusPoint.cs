namespace OpenCpm.LoopBench;

/// <summary>
/// One reading of /api/v1/status, <paramref name="AtS"/> seconds into the run (when the answer arrived): the site's
/// setpoint sums per phase, reductions not yet acknowledged by their stations, commands on the wire.
/// </summary>
public sealed record StatusPoint(double AtS, double SetpointL1A, double SetpointL2A, double SetpointL3A, int PendingReductions, int CommandsInFlight);
