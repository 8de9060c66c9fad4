namespace OpenCpm.LoopBench;

/// <summary>The step cycles together: acknowledgement times, how far the setpoints moved, and both processes' usage.</summary>
public sealed record StepSummary(
    int Steps,
    int Acknowledged,
    double? AcknowledgedP50S,
    double? AcknowledgedP95S,
    double? AcknowledgedMaxS,
    double MovedMinShare,
    double MovedMaxShare,
    double AboveLimitAs,
    double? LastAboveMaxS,
    double? RecoveredMaxS,
    double UnusedDownMaxAs,
    double WastedUpMaxAs,
    double CommandsPerCycle,
    UsageFigures Controller,
    UsageFigures Bench);
