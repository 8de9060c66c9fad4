namespace OpenCpm.Core.Sessions;

/// <summary>One thing a <see cref="SessionFollower"/> asks its host to do; which fields matter depends on <see cref="Kind"/>.</summary>
public sealed record SessionStep
{
    public static SessionStep None { get; } = new() { Kind = SessionStepKind.None };

    public required SessionStepKind Kind { get; init; }

    public double MeterWh { get; init; }

    public string? IdTag { get; init; }

    public DateTimeOffset At { get; init; }

    public StopReason Reason { get; init; }

    public long AfterStationSessionId { get; init; }

    public string Message { get; init; } = "";

    /// <summary>For <see cref="SessionStepKind.Note"/> and <see cref="SessionStepKind.Close"/>: whether the event log entry is a warning.</summary>
    public bool IsWarning { get; init; }
}
