namespace OpenCpm.Updates;

/// <summary>
/// The last software update, kept in the install folder's <see cref="FileName"/> across restarts: from which version to
/// which, when, how long the new one has to report healthy, how often it was started, and how it ended.
/// </summary>
internal sealed record UpdateState
{
    public const string FileName = "update-state.json";

    public required UpdateStage Stage { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    /// <summary>Where the package came from: the web UI, USB, OCPP…</summary>
    public required string Source { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The new version must report healthy before this moment, or it is rolled back.</summary>
    public required DateTimeOffset Deadline { get; init; }

    /// <summary>How many times the new version was started while pending.</summary>
    public int Attempts { get; init; }

    public int MaxAttempts { get; init; } = 3;

    /// <summary>Why it was rolled back; null otherwise.</summary>
    public string? Reason { get; init; }

    /// <summary>Whether the outcome went to the event log yet (written by the version that runs afterwards).</summary>
    public bool Reported { get; init; }
}
