namespace OpenCpm.LoopBench;

/// <summary>
/// One sample of the simulated site, <paramref name="AtS"/> seconds into the run: the real grid current per phase
/// (household + what the vehicles draw), the household alone on L1, and the running totals of setpoint commands the
/// stations received and of changes of a station's commanded current.
/// </summary>
public sealed record GridPoint(double AtS, double GridL1A, double GridL2A, double GridL3A, double HouseholdL1A, long SetpointCommands, long SetpointChanges)
{
    public double GridMaxA => Math.Max(GridL1A, Math.Max(GridL2A, GridL3A));
}
