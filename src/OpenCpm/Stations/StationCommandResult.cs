namespace OpenCpm.Stations;

/// <summary>How a station answered a command. <see cref="Reason"/> says why for anything but Accepted.</summary>
public sealed record StationCommandResult(StationCommandOutcome Outcome, string? Reason = null)
{
    public static StationCommandResult Accepted { get; } = new(StationCommandOutcome.Accepted);

    public bool IsAccepted => Outcome == StationCommandOutcome.Accepted;

    public static StationCommandResult Rejected(string reason) => new(StationCommandOutcome.Rejected, reason);

    public static StationCommandResult Unsupported(string reason) => new(StationCommandOutcome.Unsupported, reason);

    public static StationCommandResult TimedOut(string reason) => new(StationCommandOutcome.TimedOut, reason);
}
