using OpenCpm.Settings;
using OpenCpm.Control;
using OpenCpm.Data;
using OpenCpm.Simulation.Vehicles;
using OpenCpm.Tests.Api;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Sessions;

/// <summary>Sessions recorded by the real host from simulated P30 stations over real UDP on loopback.</summary>
[Collection(SessionHosts.Name)]
public sealed class SessionRecorderTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);
    private static readonly VehicleSpec Vehicle = new() { Phases = 3, MaxCurrentA = 16, Reaction = TimeSpan.FromMilliseconds(200) };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_session_runs_from_plug_in_to_unplug_with_growing_energy_and_ends_with_EVDisconnected()
    {
        await using var site = SessionSite.Start(1);
        await using var app = await OpenCpmApplication.StartAsync();
        await site.ConfigureAsync(app.Service<SettingsService>());
        using var client = await app.CreateClientAsync();

        site.Stations[0].PlugIn(Vehicle);

        var active = await SessionsClient.WaitForAsync(client, "cp1", s => s.End is null, Timeout, "a session starts at plug-in");
        Assert.Equal("PWMCharging", active.State);
        Assert.Null(active.StopReason);
        Assert.Null(active.IdTag);
        var charging = await SessionsClient.WaitForAsync(client, "cp1", s => s.Id == active.Id && s.EnergyWh > 2, Timeout, "the vehicle charges and the live energy grows");
        Assert.Equal("PWMCharging", charging.State);

        site.Stations[0].Unplug();

        var ended = await SessionsClient.WaitForAsync(client, "cp1", s => s.Id == active.Id && s.End is not null, Timeout, "the session ends at unplug");
        var stationWh = site.Stations[0].Inspect(m => m.Report3().TotalEnergyTenthsWh) / 10.0;
        Assert.Equal("ended", ended.State);
        Assert.Equal("EVDisconnected", ended.StopReason);
        Assert.True(ended.EnergyWh >= charging.EnergyWh, $"final energy {ended.EnergyWh} Wh below the live {charging.EnergyWh} Wh");
        Assert.True(ended.EnergyWh <= stationWh + 0.5, $"final energy {ended.EnergyWh} Wh (whole Wh in the API) above the station's meter {stationWh} Wh");
        Assert.True(ended.End >= ended.Start);
        Assert.Single(await SessionsClient.ListAsync(client, "cp1"));

        var stored = await app.Service<SessionStore>().GetAsync(active.Id, Ct);
        Assert.Equal(Math.Round(stored!.EnergyWh, MidpointRounding.AwayFromZero), ended.EnergyWh); // the API shows whole watt-hours

        site.Stations[0].PlugIn(Vehicle);
        var second = await SessionsClient.WaitForAsync(client, "cp1", s => s.End is null, Timeout, "the next plug-in starts a new session");
        Assert.NotEqual(active.Id, second.Id);
    }

    [Fact]
    public async Task A_card_presented_after_plug_in_becomes_the_sessions_id_tag_and_ending_it_with_the_card_stops_locally()
    {
        const string Card = "04a1b2c3d4e5f6a7";
        await using var site = SessionSite.Start(1, k => SessionSite.Profile(k) with { Whitelist = [Card] });
        await using var app = await OpenCpmApplication.StartAsync();
        await site.ConfigureAsync(app.Service<SettingsService>());
        using var client = await app.CreateClientAsync();

        site.Stations[0].PlugIn(Vehicle);
        var active = await SessionsClient.WaitForAsync(client, "cp1", s => s.End is null, Timeout, "a session starts at plug-in, before any card");
        Assert.Null(active.IdTag);

        site.Stations[0].PresentCard(Card);
        var carded = await SessionsClient.WaitForAsync(client, "cp1", s => s.Id == active.Id && s.IdTag is not null, Timeout, "the card is read from the station's log");
        Assert.Equal(Card, carded.IdTag, ignoreCase: true);

        await SessionsClient.WaitForAsync(client, "cp1", s => s.Id == active.Id && s.EnergyWh > 1, Timeout, "the authorized vehicle charges");
        site.Stations[0].PresentCard(Card);
        await Eventually.TrueAsync(
            () => app.Service<SiteSnapshots>().Current.Find("cp1")?.Status is { Authorized: false, AuthorizationRequired: true, VehiclePlugged: true },
            Timeout,
            "the controller sees the card end the authorization while the vehicle stays plugged");
        Assert.Null((await SessionsClient.ListAsync(client, "cp1")).Single().End);
        site.Stations[0].Unplug();

        var ended = await SessionsClient.WaitForAsync(client, "cp1", s => s.Id == active.Id && s.End is not null, Timeout, "the session ends at unplug");
        Assert.Equal("Local", ended.StopReason);
        Assert.Equal(Card, ended.IdTag, ignoreCase: true);
    }

    [Fact]
    public async Task A_charge_the_operator_stops_through_the_api_ends_with_stop_reason_Remote()
    {
        const string Card = "0a0b0c0d0e0f0001";
        await using var site = SessionSite.Start(1, k => SessionSite.Profile(k) with { Whitelist = [Card] });
        await using var app = await OpenCpmApplication.StartAsync();
        await site.ConfigureAsync(app.Service<SettingsService>());
        using var client = await app.CreateClientAsync();

        site.Stations[0].PlugIn(Vehicle);
        site.Stations[0].PresentCard(Card);
        var active = await SessionsClient.WaitForAsync(client, "cp1", s => s.End is null && s.EnergyWh > 1, Timeout, "the authorized vehicle charges");

        var stop = await client.PostAsync(new Uri("/api/v1/chargepoints/cp1/actions/stop", UriKind.Relative), null, Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, stop.StatusCode);
        await Eventually.TrueAsync(
            () => app.Service<SiteSnapshots>().Current.Find("cp1")?.Status is { Authorized: false, VehiclePlugged: true },
            Timeout,
            "the station ends the authorization while the vehicle stays plugged");
        site.Stations[0].Unplug();

        var ended = await SessionsClient.WaitForAsync(client, "cp1", s => s.Id == active.Id && s.End is not null, Timeout, "the session ends at unplug");
        Assert.Equal("Remote", ended.StopReason);
    }

    [Fact]
    public async Task A_card_presented_before_plug_in_is_the_id_tag_from_the_start()
    {
        const string Card = "0badc0ffee000001";
        await using var site = SessionSite.Start(1, k => SessionSite.Profile(k) with { Whitelist = [Card] });
        await using var app = await OpenCpmApplication.StartAsync();
        await site.ConfigureAsync(app.Service<SettingsService>());
        using var client = await app.CreateClientAsync();
        await Eventually.TrueAsync(() => app.Service<SiteSnapshots>().Current.Find("cp1")?.Status.Online == true, Timeout, "the station answers");

        site.Stations[0].PresentCard(Card);
        site.Stations[0].PlugIn(Vehicle);

        var session = await SessionsClient.WaitForAsync(client, "cp1", s => s.End is null && s.IdTag is not null, Timeout, "the session carries the card");
        Assert.Equal(Card, session.IdTag, ignoreCase: true);
        Assert.Single(await SessionsClient.ListAsync(client, "cp1"));
    }

    [Fact]
    public async Task Sessions_survive_a_restart_the_plugged_one_goes_on_and_the_one_unplugged_meanwhile_ends_as_the_station_logged()
    {
        using var data = new TempDirectory();
        await using var site = SessionSite.Start(2);
        long goesOn, unplugged;
        double energyBefore;
        DateTimeOffset unpluggedAt;

        await using (var first = await OpenCpmApplication.StartAsync(data.Path))
        {
            await site.ConfigureAsync(first.Service<SettingsService>());
            using var client = await first.CreateClientAsync();
            site.Stations[0].PlugIn(Vehicle);
            site.Stations[1].PlugIn(Vehicle);
            goesOn = (await SessionsClient.WaitForAsync(client, "cp1", s => s.End is null && s.EnergyWh > 1, Timeout, "cp1 charges")).Id;
            var cp2 = await SessionsClient.WaitForAsync(client, "cp2", s => s.End is null && s.EnergyWh > 1, Timeout, "cp2 charges");
            unplugged = cp2.Id;
            energyBefore = cp2.EnergyWh;
        }

        // The controller is down: cp2's vehicle leaves, cp1's stays.
        site.Stations[1].Unplug();
        unpluggedAt = DateTimeOffset.UtcNow;
        var stationEnergyWh = site.Stations[1].Inspect(m => m.SessionReport(101).SessionEnergyTenthsWh) / 10.0;

        await using var second = await OpenCpmApplication.StartAsync(data.Path);
        using var client2 = await second.CreateClientAsync();

        var recovered = await SessionsClient.WaitForAsync(client2, "cp2", s => s.Id == unplugged && s.End is not null, Timeout, "cp2's session is closed from the station's log");
        Assert.Equal("EVDisconnected", recovered.StopReason);
        Assert.True(recovered.End <= unpluggedAt.AddSeconds(1), $"end {recovered.End:O} is the station's, before {unpluggedAt:O}");
        Assert.True(recovered.EnergyWh >= energyBefore, $"recovered energy {recovered.EnergyWh} Wh below what was seen before {energyBefore} Wh");
        Assert.True(Math.Abs(recovered.EnergyWh - stationEnergyWh) < 1.5, $"recovered energy {recovered.EnergyWh} Wh, the station logged {stationEnergyWh} Wh");
        Assert.Single(await SessionsClient.ListAsync(client2, "cp2"));

        var continued = await SessionsClient.WaitForAsync(client2, "cp1", s => s.Id == goesOn && s.EnergyWh > 1, Timeout, "cp1's session is continued");
        Assert.Null(continued.End);
        Assert.Equal("PWMCharging", continued.State);
        await SessionsClient.WaitForAsync(client2, "cp1", s => s.Id == goesOn && s.EnergyWh > continued.EnergyWh + 1, Timeout, "cp1's energy keeps growing");
        Assert.Single(await SessionsClient.ListAsync(client2, "cp1"));

        site.Stations[0].Unplug();
        var ended = await SessionsClient.WaitForAsync(client2, "cp1", s => s.Id == goesOn && s.End is not null, Timeout, "cp1's session ends at unplug");
        Assert.Equal("EVDisconnected", ended.StopReason);
    }
}
