using Microsoft.Extensions.Time.Testing;
using OpenCpm.Core.ChargePoints;
using OpenCpm.Core.Sessions;

namespace OpenCpm.Core.Tests.Sessions;

/// <summary>
/// Plays the host around one <see cref="SessionFollower"/>: an in-memory session store, an event log, the station's
/// own session log, a fake clock — so every decision can be checked in milliseconds.
/// </summary>
internal sealed class FollowerHost
{
    private long _nextId = 1;

    public FollowerHost(string chargePoint = "cp1") => Follower = new SessionFollower(chargePoint);

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));

    public SessionFollower Follower { get; }

    public List<ChargingSession> Stored { get; } = [];

    public List<(bool Warning, string Message)> Events { get; } = [];

    public List<SessionStepKind> Steps { get; } = [];

    /// <summary>The station's log, newest first (what ReadLog returns).</summary>
    public List<StationSessionRecord> StationLog { get; } = [];

    public int LogReads { get; private set; }

    /// <summary>Makes the next write fail (a full disk, a locked database).</summary>
    public bool FailWrites { get; set; }

    public ChargingSession? Active => Stored.LastOrDefault(s => s.IsActive);

    public static StationObservation Plugged(double totalWh, bool authorized = true, ChargePointState state = ChargePointState.Charging, bool keepsLog = true) => new()
    {
        Reachable = true,
        VehiclePlugged = true,
        Authorized = authorized,
        AuthorizationRequired = !authorized,
        State = state,
        TotalEnergyWh = totalWh,
        IdentityKnown = true,
        KeepsLog = keepsLog,
    };

    public static StationObservation Unplugged(double totalWh, bool keepsLog = true) => new()
    {
        Reachable = true,
        State = ChargePointState.Idle,
        TotalEnergyWh = totalWh,
        IdentityKnown = true,
        KeepsLog = keepsLog,
    };

    public static StationObservation Unreachable { get; } = new() { Reachable = false, State = ChargePointState.Offline };

    public void Advance(TimeSpan by) => Time.Advance(by);

    /// <summary>Observes and carries out every step, as the host's recorder does. Returns false when a step failed (and was undone).</summary>
    public bool Observe(StationObservation observation) => Run(Follower.Observe(observation, Time.GetUtcNow()));

    public bool Abandon(string why) => Run(Follower.Abandon(why, Time.GetUtcNow()));

    private bool Run(SessionStep step)
    {
        try
        {
            while (step.Kind != SessionStepKind.None)
            {
                Steps.Add(step.Kind);
                step = CarryOut(step);
            }

            return true;
        }
        catch (IOException)
        {
            Follower.Failed();
            return false;
        }
    }

    private SessionStep CarryOut(SessionStep step)
    {
        switch (step.Kind)
        {
            case SessionStepKind.Open:
                var opened = new ChargingSession { Id = _nextId++, ChargePoint = Follower.ChargePointId, Start = Time.GetUtcNow(), MeterStartWh = step.MeterWh, MeterEndWh = step.MeterWh };
                Write(() => Stored.Add(opened));
                return Follower.Opened(opened);
            case SessionStepKind.RecordMeter:
                return Follower.Stored(Replace(Follower.Session!.WithMeterReading(step.MeterWh)));
            case SessionStepKind.SetCard:
                return Follower.Stored(Replace(Follower.Session! with { IdTag = step.IdTag }));
            case SessionStepKind.ReadLog:
                LogReads++;
                return Follower.LogRead([.. StationLog.Where(r => r.SessionId > step.AfterStationSessionId)]);
            case SessionStepKind.Close:
                Replace(Follower.Session!.Ended(step.At, step.MeterWh, step.Reason));
                Events.Add((step.IsWarning, step.Message));
                return Follower.Closed();
            case SessionStepKind.Note:
                Events.Add((step.IsWarning, step.Message));
                return Follower.Next();
            default:
                return Follower.Next();
        }
    }

    private ChargingSession Replace(ChargingSession session)
    {
        Write(() =>
        {
            var i = Stored.FindIndex(s => s.Id == session.Id);
            Stored[i] = session;
        });
        return session;
    }

    private void Write(Action write)
    {
        if (FailWrites)
        {
            throw new IOException("disk full");
        }

        write();
    }
}
