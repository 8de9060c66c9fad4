using OpenCpm.Core.ChargePoints;
using OpenCpm.Core.Sessions;

namespace OpenCpm.Sessions;

/// <summary>What the <see cref="SessionRecorder"/> knows about one charge point between two steps (its loop only).</summary>
internal sealed class SessionTracker(string chargePointId)
{
    public string ChargePointId { get; } = chargePointId;

    /// <summary>The active session as stored (null when none).</summary>
    public ChargingSession? Session { get; set; }

    /// <summary>The session must be reconciled with the station before it is followed again (start-up, or back from offline).</summary>
    public bool ReconcilePending { get; set; }

    /// <summary>Start-up only: when to give up waiting for the station and close the session with what is known.</summary>
    public DateTimeOffset? ReconcileDeadline { get; set; }

    public DateTimeOffset? OfflineSince { get; set; }

    /// <summary>Reads of the station's log that found no record of the session (reset when it is followed again).</summary>
    public int ReconcileAttempts { get; set; }

    /// <summary>The latest meter reading seen for the active session (may be newer than the stored one).</summary>
    public double LatestWh { get; set; }

    public DateTimeOffset LastPersistedAt { get; set; }

    /// <summary>When the recorder last saw the vehicle plugged in (a station's logged end before that is not trusted).</summary>
    public DateTimeOffset LastPluggedSeenAt { get; set; }

    public ChargePointState LastState { get; set; } = ChargePointState.Offline;

    public bool WasAuthorized { get; set; }

    /// <summary>The station ended its authorization while the vehicle stayed plugged (a card or a stop command).</summary>
    public bool StoppedAtStation { get; set; }

    /// <summary>The station's own id of the running session, once read from its log.</summary>
    public long? StationSessionId { get; set; }

    public DateTimeOffset? LastHistoryRead { get; set; }

    /// <summary>The station's log should be read as soon as the spacing allows (a card was presented).</summary>
    public bool HistoryWanted { get; set; }

    /// <summary>A database write failed; logged once until one succeeds.</summary>
    public bool Failing { get; set; }

    public void Follow(ChargingSession session, double readingWh, DateTimeOffset now)
    {
        Session = session;
        LatestWh = readingWh;
        LastPersistedAt = now;
        LastPluggedSeenAt = now;
        StoppedAtStation = false;
        StationSessionId = null;
    }

    public void Forget()
    {
        Session = null;
        ReconcilePending = false;
        ReconcileDeadline = null;
        ReconcileAttempts = 0;
        StoppedAtStation = false;
        StationSessionId = null;
        WasAuthorized = false;
        HistoryWanted = false;
    }
}
