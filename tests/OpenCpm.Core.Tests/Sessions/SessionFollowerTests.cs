using OpenCpm.Core.ChargePoints;
using OpenCpm.Core.Sessions;

namespace OpenCpm.Core.Tests.Sessions;

/// <summary>The decisions of session tracking, on a fake clock: plug-in, card, meter, unplug, outages, restarts, failures.</summary>
public sealed class SessionFollowerTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    [Fact]
    public void A_plug_in_opens_a_session_at_the_stations_meter_and_says_so()
    {
        var host = new FollowerHost();
        host.Observe(FollowerHost.Unplugged(1000));
        Assert.Empty(host.Stored);

        host.Observe(FollowerHost.Plugged(1000));

        var session = Assert.Single(host.Stored);
        Assert.True(session.IsActive);
        Assert.Equal(1000, session.MeterStartWh);
        Assert.Equal(host.Time.GetUtcNow(), session.Start);
        Assert.Contains("Session 1 started at charge point \"cp1\"", Assert.Single(host.Events).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_card_the_station_logged_for_the_running_session_becomes_the_sessions_card()
    {
        var host = new FollowerHost();
        host.StationLog.Add(Running(41, 1000, tag: "e3f76b8d00000000"));

        host.Observe(FollowerHost.Plugged(1000));

        Assert.Equal("e3f76b8d00000000", host.Active!.IdTag);
    }

    [Fact]
    public void The_meter_is_stored_every_30_seconds_and_on_each_state_change_not_on_every_reading()
    {
        var host = new FollowerHost();
        host.Observe(FollowerHost.Plugged(1000, keepsLog: false));
        var wh = 1000.0;
        for (var t = TimeSpan.Zero; t < TimeSpan.FromSeconds(29); t += Poll)
        {
            host.Advance(Poll);
            host.Observe(FollowerHost.Plugged(wh += 1, keepsLog: false));
        }

        Assert.Equal(1000, host.Active!.MeterEndWh);
        host.Advance(TimeSpan.FromSeconds(1));
        host.Observe(FollowerHost.Plugged(wh += 1, keepsLog: false));
        Assert.Equal(wh, host.Active!.MeterEndWh);

        host.Advance(TimeSpan.FromMilliseconds(1));
        host.Observe(FollowerHost.Plugged(wh += 1, state: ChargePointState.SuspendedByEv, keepsLog: false));
        Assert.Equal(wh, host.Active!.MeterEndWh);
        Assert.Equal(1000, host.Follower.LatestWh - (wh - 1000));
    }

    [Fact]
    public void An_unplug_ends_the_session_now_with_the_last_reading_as_EVDisconnected()
    {
        var host = new FollowerHost();
        host.Observe(FollowerHost.Plugged(1000, keepsLog: false));
        host.Advance(TimeSpan.FromSeconds(90));
        host.Observe(FollowerHost.Plugged(1800, keepsLog: false));
        host.Advance(Poll);

        host.Observe(FollowerHost.Unplugged(1800, keepsLog: false));

        var ended = Assert.Single(host.Stored);
        Assert.Equal((StopReason?)StopReason.EVDisconnected, ended.StopReason);
        Assert.Equal(host.Time.GetUtcNow(), ended.End);
        Assert.Equal(800, ended.EnergyWh);
        Assert.Null(host.Follower.Session);
        Assert.Contains("ended: vehicle unplugged, 800 Wh", host.Events[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unplug_the_station_logged_earlier_takes_the_stations_end_time_and_energy()
    {
        var host = new FollowerHost();
        host.StationLog.Add(Running(41, 1000));
        host.Observe(FollowerHost.Plugged(1000));
        var pluggedLastSeen = host.Time.GetUtcNow();
        host.Advance(TimeSpan.FromSeconds(3));
        host.StationLog[0] = host.StationLog[0] with { EndReason = StopReason.EVDisconnected, EndedAt = pluggedLastSeen.AddSeconds(1), EnergyWh = 120 };

        host.Observe(FollowerHost.Unplugged(1120));

        var ended = Assert.Single(host.Stored);
        Assert.Equal(pluggedLastSeen.AddSeconds(1), ended.End);
        Assert.Equal(120, ended.EnergyWh);
    }

    [Fact]
    public void A_card_that_ends_the_authorization_before_the_unplug_makes_the_stop_Local_and_a_new_authorization_undoes_it()
    {
        var host = new FollowerHost();
        host.Observe(FollowerHost.Plugged(1000, keepsLog: false));
        host.Observe(FollowerHost.Plugged(1000, authorized: false, keepsLog: false));
        host.Observe(FollowerHost.Plugged(1000, keepsLog: false));
        host.Observe(FollowerHost.Unplugged(1000, keepsLog: false));
        Assert.Equal((StopReason?)StopReason.EVDisconnected, host.Stored[0].StopReason);

        host.Observe(FollowerHost.Plugged(1000, keepsLog: false));
        host.Observe(FollowerHost.Plugged(1000, authorized: false, keepsLog: false));
        host.Observe(FollowerHost.Unplugged(1000, keepsLog: false));
        Assert.Equal((StopReason?)StopReason.Local, host.Stored[1].StopReason);
        Assert.Contains("after the station ended the authorization", host.Events[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_operators_stop_makes_the_stop_Remote_but_not_one_from_before_the_session()
    {
        var host = new FollowerHost();
        host.Follower.RemoteStop(host.Time.GetUtcNow());
        host.Advance(Poll);
        host.Observe(FollowerHost.Plugged(1000, keepsLog: false));
        host.Observe(FollowerHost.Unplugged(1000, keepsLog: false));
        Assert.Equal((StopReason?)StopReason.EVDisconnected, host.Stored[0].StopReason);

        host.Observe(FollowerHost.Plugged(1000, keepsLog: false));
        host.Advance(Poll);
        host.Follower.RemoteStop(host.Time.GetUtcNow());
        host.Observe(FollowerHost.Plugged(1000, authorized: false, keepsLog: false));
        host.Observe(FollowerHost.Unplugged(1000, keepsLog: false));
        Assert.Equal((StopReason?)StopReason.Remote, host.Stored[1].StopReason);
    }

    [Fact]
    public void A_station_that_goes_silent_keeps_its_session_and_the_same_vehicle_goes_on_when_it_answers()
    {
        var host = new FollowerHost();
        host.StationLog.Add(Running(41, 1000));
        host.Observe(FollowerHost.Plugged(1000));
        host.Advance(TimeSpan.FromMinutes(1));

        host.Observe(FollowerHost.Unreachable);
        Assert.Contains(SessionStepKind.WentOffline, host.Steps);
        Assert.True(host.Follower.Reconciling);
        host.Advance(TimeSpan.FromHours(2));
        host.Observe(FollowerHost.Unreachable);
        Assert.True(host.Active!.IsActive);

        host.Observe(FollowerHost.Plugged(5000));

        Assert.False(host.Follower.Reconciling);
        Assert.Equal(5000, host.Active!.MeterEndWh);
        Assert.Single(host.Stored);
    }

    [Fact]
    public void A_session_that_ended_while_the_station_was_unreachable_ends_as_the_station_logged_it()
    {
        var host = new FollowerHost();
        host.StationLog.Add(Running(41, 1000));
        host.Observe(FollowerHost.Plugged(1000));
        host.Observe(FollowerHost.Unreachable);
        host.Advance(TimeSpan.FromMinutes(10));
        var unpluggedAt = host.Time.GetUtcNow().AddMinutes(-4);
        host.StationLog[0] = host.StationLog[0] with { EndReason = StopReason.EVDisconnected, EndedAt = unpluggedAt, EnergyWh = 2500 };

        host.Observe(FollowerHost.Unplugged(3500));

        var ended = Assert.Single(host.Stored);
        Assert.Equal(unpluggedAt, ended.End);
        Assert.Equal(2500, ended.EnergyWh);
        var message = host.Events[^1].Message;
        Assert.Contains("while the station was unreachable", message, StringComparison.Ordinal);
        Assert.Contains("recovered from the station's log", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_record_in_the_stations_log_the_log_is_read_once_more_then_the_session_ends_with_a_warning()
    {
        var host = new FollowerHost();
        host.Observe(FollowerHost.Plugged(1000));
        host.Advance(TimeSpan.FromSeconds(30));
        host.Observe(FollowerHost.Plugged(1400));
        host.Observe(FollowerHost.Unreachable);
        host.Advance(TimeSpan.FromMinutes(1));
        var readsBefore = host.LogReads;

        host.Observe(FollowerHost.Unplugged(0));
        Assert.True(host.Active!.IsActive);
        host.Advance(TimeSpan.FromSeconds(9));
        host.Observe(FollowerHost.Unplugged(0));
        Assert.True(host.Active!.IsActive); // the log is read at most every 10 s
        host.Advance(TimeSpan.FromSeconds(1));
        host.Observe(FollowerHost.Unplugged(0));

        var ended = Assert.Single(host.Stored);
        Assert.False(ended.IsActive);
        Assert.Equal(400, ended.EnergyWh);
        Assert.True(host.Events[^1].Warning);
        Assert.Contains("has no record of the session", host.Events[^1].Message, StringComparison.Ordinal);
        Assert.Equal(2, host.LogReads - readsBefore);
    }

    [Fact]
    public void A_session_found_at_start_up_waits_five_minutes_for_its_station_then_is_closed_with_what_is_known()
    {
        var host = new FollowerHost();
        var start = host.Time.GetUtcNow().AddHours(-1);
        host.Stored.Add(new ChargingSession { Id = 9, ChargePoint = "cp1", Start = start, MeterStartWh = 100, MeterEndWh = 700 });
        host.Follower.Resume(host.Stored[0], host.Time.GetUtcNow(), atStartup: true);

        host.Advance(SessionFollower.StartupReconcileTimeout - TimeSpan.FromMilliseconds(1));
        host.Observe(FollowerHost.Unreachable);
        Assert.True(host.Active!.IsActive);

        host.Advance(TimeSpan.FromMilliseconds(1));
        host.Observe(FollowerHost.Unreachable);

        var closed = Assert.Single(host.Stored);
        Assert.Equal((StopReason?)StopReason.Other, closed.StopReason);
        Assert.Equal(600, closed.EnergyWh);
        Assert.True(host.Events[^1].Warning);
        Assert.Contains("did not answer within 5 minutes", host.Events[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_session_found_at_start_up_goes_on_when_its_vehicle_is_still_plugged_and_says_so()
    {
        var host = new FollowerHost();
        host.StationLog.Add(Running(41, 100, tag: "0a0b0c0d00000000"));
        host.Stored.Add(new ChargingSession { Id = 9, ChargePoint = "cp1", Start = host.Time.GetUtcNow().AddHours(-1), MeterStartWh = 100, MeterEndWh = 700 });
        host.Follower.Resume(host.Stored[0], host.Time.GetUtcNow(), atStartup: true);

        host.Observe(FollowerHost.Plugged(900) with { IdentityKnown = false });
        Assert.Equal(0, host.LogReads); // whether it keeps a log is not known yet

        host.Observe(FollowerHost.Plugged(900));

        Assert.Equal(900, host.Active!.MeterEndWh);
        Assert.Equal("0a0b0c0d00000000", host.Active.IdTag);
        Assert.Contains("was still running after the controller restarted", host.Events[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_write_is_undone_and_tried_again_without_a_second_session()
    {
        var host = new FollowerHost { FailWrites = true };

        Assert.False(host.Observe(FollowerHost.Plugged(1000, keepsLog: false)));
        Assert.Empty(host.Stored);
        Assert.Null(host.Follower.Session);

        host.FailWrites = false;
        Assert.True(host.Observe(FollowerHost.Plugged(1000, keepsLog: false)));
        Assert.Single(host.Stored);

        host.Advance(TimeSpan.FromSeconds(31));
        host.FailWrites = true;
        Assert.False(host.Observe(FollowerHost.Plugged(1500, keepsLog: false)));
        host.FailWrites = false;
        Assert.True(host.Observe(FollowerHost.Plugged(1500, keepsLog: false)));
        Assert.Equal(1500, host.Active!.MeterEndWh);
    }

    [Fact]
    public void A_session_of_a_charge_point_removed_from_the_site_is_closed_after_the_start_up_grace_period()
    {
        var host = new FollowerHost();
        host.Stored.Add(new ChargingSession { Id = 3, ChargePoint = "cp1", Start = host.Time.GetUtcNow(), MeterStartWh = 0, MeterEndWh = 50 });
        host.Follower.Resume(host.Stored[0], host.Time.GetUtcNow(), atStartup: true);

        host.Abandon("its charge point is no longer configured");
        Assert.True(host.Active!.IsActive);

        host.Advance(SessionFollower.StartupReconcileTimeout);
        host.Abandon("its charge point is no longer configured");
        Assert.Contains("no longer configured", host.Events[^1].Message, StringComparison.Ordinal);
        Assert.False(host.Stored[0].IsActive);
    }

    private static StationSessionRecord Running(long id, double startWh, string? tag = null) =>
        new() { SessionId = id, MeterStartWh = startWh, RfidTag = tag };
}
