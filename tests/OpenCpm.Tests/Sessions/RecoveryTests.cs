using OpenCpm.Settings;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OpenCpm.Control;
using OpenCpm.Data;
using OpenCpm.Simulation.Vehicles;
using OpenCpm.Tests.Api;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Sessions;

/// <summary>Sessions the station can't tell about after a restart are closed with what is known, and an event says so.</summary>
[Collection(SessionHosts.Name)]
public sealed class RecoveryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_session_whose_station_restarted_and_lost_its_log_ends_as_unplugged_with_the_last_saved_energy_and_a_warning()
    {
        using var data = new TempDirectory();
        await using var site = SessionSite.Start(1);
        long id;
        double savedWh;
        await using (var first = await OpenCpmApplication.StartAsync(data.Path))
        {
            await site.ConfigureAsync(first.Service<SettingsService>());
            using var client = await first.CreateClientAsync();
            site.Stations[0].PlugIn(new VehicleSpec { Phases = 3, MaxCurrentA = 16, Reaction = TimeSpan.FromMilliseconds(200) });
            id = (await SessionsClient.WaitForAsync(client, "cp1", s => s.End is null && s.EnergyWh > 1, Timeout, "the vehicle charges")).Id;
        }

        savedWh = (await StoredAsync(data.Path, id)).EnergyWh;
        site.Stations[0].Unplug();
        site.Stations[0].Reboot();

        await using var second = await OpenCpmApplication.StartAsync(data.Path);
        using var client2 = await second.CreateClientAsync();
        var closed = await SessionsClient.WaitForAsync(client2, "cp1", s => s.Id == id && s.End is not null, Timeout, "the session is closed");

        Assert.Equal("EVDisconnected", closed.StopReason);
        Assert.Equal(Math.Round(savedWh, MidpointRounding.AwayFromZero), closed.EnergyWh); // the API shows whole watt-hours
        var warning = await EventAsync(client2, id);
        Assert.Equal("warning", warning.GetProperty("level").GetString(), ignoreCase: true);
        Assert.Contains("log has no record", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_whose_charge_point_is_gone_is_closed_as_Other_once_the_start_up_wait_is_over()
    {
        using var data = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        long id;
        await using (var first = await OpenCpmApplication.StartAsync(data.Path, time: time))
        {
            id = (await first.Service<SessionStore>().StartAsync("gone", "04a1b2c3d4e5f6a7", 5000, Ct)).Id;
            await first.Service<SessionStore>().UpdateMeterAsync(id, 5400, Ct);
        }

        await using var second = await OpenCpmApplication.StartAsync(data.Path, time: time, logLevel: "Information");
        var store = second.Service<SessionStore>();
        await Eventually.TrueAsync(() => second.Logs.Entries.Any(e => e.EventId.Id == 5104), Timeout, "the recorder found the active session");
        Assert.True((await store.GetAsync(id, Ct))!.IsActive, "the session waits for its station first");

        time.Advance(OpenCpm.Core.Sessions.SessionFollower.StartupReconcileTimeout + TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(
            async () =>
            {
                time.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(50, Ct);
                return !(await store.GetAsync(id, Ct))!.IsActive;
            },
            Timeout,
            "the session is closed after the wait");

        var closed = (await store.GetAsync(id, Ct))!;
        Assert.Equal(Core.Sessions.StopReason.Other, closed.StopReason);
        Assert.Equal(400, closed.EnergyWh, 3);
        using var client = await second.CreateClientAsync();
        var warning = await EventAsync(client, id);
        Assert.Contains("no longer configured", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sessions_stay_active_while_their_station_is_unreachable_and_are_reconciled_with_its_log_when_it_answers_again()
    {
        await using var site = SessionSite.Start(2);
        await using var app = await OpenCpmApplication.StartAsync(logLevel: "Information");
        await site.ConfigureAsync(app.Service<SettingsService>());
        using var client = await app.CreateClientAsync();
        var vehicle = new VehicleSpec { Phases = 3, MaxCurrentA = 16, Reaction = TimeSpan.FromMilliseconds(200) };
        site.Stations[0].PlugIn(vehicle);
        site.Stations[1].PlugIn(vehicle);
        var stays = await SessionsClient.WaitForAsync(client, "cp1", s => s.End is null && s.EnergyWh > 1, Timeout, "cp1 charges");
        var leaves = await SessionsClient.WaitForAsync(client, "cp2", s => s.End is null && s.EnergyWh > 1, Timeout, "cp2 charges");

        foreach (var station in site.Stations)
        {
            station.Faults.Silent = true;
        }

        var snapshots = app.Service<SiteSnapshots>();
        await Eventually.TrueAsync(
            () => snapshots.Current.ChargePoints.All(e => !e.Status.Online),
            TimeSpan.FromSeconds(60),
            "both stations show offline");
        await Eventually.TrueAsync(
            () => app.Logs.Entries.Count(e => e.EventId.Id == 5107) == 2,
            Timeout,
            "the recorder noticed both outages");
        Assert.All(await SessionsClient.ListAsync(client, "cp1"), s => Assert.Null(s.End));
        Assert.All(await SessionsClient.ListAsync(client, "cp2"), s => Assert.Null(s.End));

        site.Stations[1].Unplug();
        var unpluggedAt = DateTimeOffset.UtcNow;
        foreach (var station in site.Stations)
        {
            station.Faults.Silent = false;
        }

        var ended = await SessionsClient.WaitForAsync(client, "cp2", s => s.Id == leaves.Id && s.End is not null, Timeout, "cp2's session ends once its station answers");
        var message = (await EventAsync(client, leaves.Id)).GetProperty("message").GetString();
        Assert.Equal("EVDisconnected", ended.StopReason);
        Assert.True(ended.End <= unpluggedAt.AddSeconds(1), $"end {ended.End:O} should be the station's unplug time, not when it answered again ({message})");
        Assert.Contains("while the station was unreachable", message, StringComparison.Ordinal);
        Assert.Contains("recovered from the station's log", message, StringComparison.Ordinal);

        await Eventually.TrueAsync(() => snapshots.Current.Find("cp1")!.Status.Online, Timeout, "cp1 answers again");
        var continued = await SessionsClient.WaitForAsync(client, "cp1", s => s.Id == stays.Id && s.EnergyWh > stays.EnergyWh + 1, Timeout, "cp1's session goes on");
        Assert.Null(continued.End);
        Assert.Single(await SessionsClient.ListAsync(client, "cp1"));
        Assert.Single(await SessionsClient.ListAsync(client, "cp2"));
    }

    private static async Task<Core.Sessions.ChargingSession> StoredAsync(string dataDirectory, long id)
    {
        await using var app = await OpenCpmApplication.StartAsync(dataDirectory);
        return (await app.Service<SessionStore>().GetAsync(id, Ct))!;
    }

    /// <summary>The event about the session's end (written right after the session is closed, so polled).</summary>
    private static async Task<JsonElement> EventAsync(HttpClient client, long sessionId)
    {
        JsonElement found = default;
        await Eventually.TrueAsync(
            async () =>
            {
                var events = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/events?source=sessions&pageSize=100", UriKind.Relative), Ct);
                var matching = events.GetProperty("items").EnumerateArray()
                    .Where(e => e.GetProperty("message").GetString()!.StartsWith($"Session {sessionId} ", StringComparison.Ordinal)
                        && !e.GetProperty("message").GetString()!.Contains(" started ", StringComparison.Ordinal))
                    .ToList();
                found = matching.FirstOrDefault();
                return matching.Count == 1;
            },
            Timeout,
            "one event tells how the session ended");
        return found;
    }
}
