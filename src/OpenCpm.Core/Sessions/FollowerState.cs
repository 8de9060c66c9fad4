using OpenCpm.Core.ChargePoints;

namespace OpenCpm.Core.Sessions;

/// <summary>What a <see cref="SessionFollower"/> knows about its charge point between two observations. Immutable, so a failed step is undone by keeping the old one.</summary>
internal sealed record FollowerState
{
    public ChargingSession? Session { get; init; }

    /// <summary>The session must be reconciled with the station before it is followed again (start-up, or back from offline).</summary>
    public bool ReconcilePending { get; init; }

    /// <summary>Start-up only: when to give up waiting for the station and close the session with what is known.</summary>
    public DateTimeOffset? ReconcileDeadline { get; init; }

    public DateTimeOffset? OfflineSince { get; init; }

    /// <summary>Reads of the station's log that found no record of the session (reset when it is followed again).</summary>
    public int ReconcileAttempts { get; init; }

    public double LatestWh { get; init; }

    public DateTimeOffset LastPersistedAt { get; init; }

    /// <summary>When the vehicle was last seen plugged in (a station's logged end before that is not trusted).</summary>
    public DateTimeOffset LastPluggedSeenAt { get; init; }

    public ChargePointState LastState { get; init; } = ChargePointState.Offline;

    public bool WasAuthorized { get; init; }

    /// <summary>The station ended its authorization while the vehicle stayed plugged (a card or a stop command).</summary>
    public bool StoppedAtStation { get; init; }

    /// <summary>When the operator stopped the charge (null: not since the last authorization).</summary>
    public DateTimeOffset? RemoteStopAt { get; init; }

    /// <summary>The stop reason the remote stop gives the session (Remote, UnlockCommand, SoftReset, HardReset…).</summary>
    public StopReason RemoteStopReason { get; init; } = StopReason.Remote;

    /// <summary>The station's own id of the running session, once read from its log.</summary>
    public long? StationSessionId { get; init; }

    public DateTimeOffset? LastLogRead { get; init; }

    /// <summary>The station's log should be read as soon as the spacing allows (a card was presented).</summary>
    public bool LogWanted { get; init; }

    public FollowerState Follow(ChargingSession session, double readingWh, DateTimeOffset now) => this with
    {
        Session = session,
        LatestWh = readingWh,
        LastPersistedAt = now,
        LastPluggedSeenAt = now,
        StoppedAtStation = false,
        StationSessionId = null,
    };

    public FollowerState Forget() => this with
    {
        Session = null,
        ReconcilePending = false,
        ReconcileDeadline = null,
        OfflineSince = null,
        ReconcileAttempts = 0,
        StoppedAtStation = false,
        StationSessionId = null,
        WasAuthorized = false,
        LogWanted = false,
        RemoteStopAt = null,
    };
}
