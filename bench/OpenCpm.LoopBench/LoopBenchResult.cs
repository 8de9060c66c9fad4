namespace OpenCpm.LoopBench;

/// <summary>Everything one run measured (written as JSON with --json).</summary>
public sealed record LoopBenchResult(
    DateTimeOffset At,
    string Machine,
    string? Commit,
    int Stations,
    double SiteLimitA,
    double HouseholdA,
    double StepA,
    double SettledAfterS,
    double SettledL1A,
    WindowResult Constant,
    WindowResult? Quiet,
    IReadOnlyList<StepResult> Steps,
    StepSummary? StepSummary,
    int StatusErrors);
