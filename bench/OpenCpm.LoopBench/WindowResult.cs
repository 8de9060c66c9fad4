namespace OpenCpm.LoopBench;

/// <summary>
/// A window with a constant household: setpoint commands the stations received and changes of their commanded
/// current, the real grid current's excess over the site limit (A·s, and seconds spent above it), its highest value,
/// the range of the controller's L1 setpoint sum, and the CPU and memory of both processes.
/// </summary>
public sealed record WindowResult(
    string Name,
    double Seconds,
    double StatusIntervalS,
    long SetpointCommands,
    long SetpointChanges,
    double AboveLimitAs,
    double SecondsAboveLimit,
    double MaxGridA,
    double? SetpointL1MinA,
    double? SetpointL1MaxA,
    UsageFigures Controller,
    UsageFigures Bench);
