using System.Net.Http.Json;
using System.Text.Json;
using OpenCpm.Simulation.Vehicles;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Sessions;

/// <summary>The controller killed with SIGKILL mid-session: no session is lost and the end comes from the station.</summary>
[Collection(SessionHosts.Name)]
public sealed class CrashRecoveryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_session_active_when_the_controller_is_killed_is_closed_after_the_restart_with_the_end_the_station_logged()
    {
        using var data = new TempDirectory();
        await using var site = SessionSite.Start(1);
        var station = site.Stations[0];
        long sessionId;
        double energyBeforeKill;

        using (var first = await ControllerProcess.StartAsync(data.Path))
        {
            using var client = await first.CreateClientAsync();
            (await client.PutAsJsonAsync("/api/v1/network", new { maxCurrentA = 32 }, Ct)).EnsureSuccessStatusCode();
            var put = await client.PutAsJsonAsync(
                "/api/v1/network/chargepoints/cp1",
                new { address = station.Address.ToString(), connectorId = 1, driver = "Keba", maxCurrentA = 16, failsafeCurrentA = 0 },
                Ct);
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(Ct));

            station.PlugIn(new VehicleSpec { Phases = 3, MaxCurrentA = 16, Reaction = TimeSpan.FromMilliseconds(200) });
            var active = await SessionsClient.WaitForAsync(client, "cp1", s => s.End is null && s.EnergyWh > 2, Timeout, "the session is active and charging");
            Assert.Equal("PWMCharging", active.State);
            sessionId = active.Id;

            // What the killed controller had saved (the API adds the live energy, the store has the last persisted one).
            await first.KillAsync();
            energyBeforeKill = active.EnergyWh;
        }

        station.Unplug();
        var unpluggedAt = DateTimeOffset.UtcNow;
        var loggedEnergyWh = station.Inspect(m => m.SessionReport(101).SessionEnergyTenthsWh) / 10.0;

        using var second = await ControllerProcess.StartAsync(data.Path);
        using var client2 = await second.CreateClientAsync();
        var closed = await SessionsClient.WaitForAsync(client2, "cp1", s => s.Id == sessionId && s.End is not null, Timeout, "the session is closed after the restart");

        Assert.Equal("ended", closed.State);
        Assert.Equal("EVDisconnected", closed.StopReason);
        Assert.True(closed.End <= unpluggedAt.AddSeconds(1), $"end {closed.End:O} should be the station's unplug time (before {unpluggedAt:O}), not the restart");
        Assert.True(closed.End >= closed.Start);
        Assert.True(closed.EnergyWh >= energyBeforeKill - 0.1, $"energy {closed.EnergyWh} Wh is below the {energyBeforeKill} Wh seen before the kill");
        Assert.True(Math.Abs(closed.EnergyWh - loggedEnergyWh) < 1.5, $"energy {closed.EnergyWh} Wh, the station logged {loggedEnergyWh} Wh");
        Assert.Single(await SessionsClient.ListAsync(client2, "cp1"));

        // The event is written right after the session is closed.
        await Eventually.TrueAsync(
            async () =>
            {
                var events = await client2.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/events?source=sessions&pageSize=100", UriKind.Relative), Ct);
                return events.GetProperty("items").EnumerateArray().Any(
                    e => e.GetProperty("message").GetString()!.StartsWith($"Session {sessionId} ", StringComparison.Ordinal)
                        && e.GetProperty("message").GetString()!.Contains("recovered from the station's log", StringComparison.Ordinal));
            },
            Timeout,
            "an event says the end was recovered from the station's log");
        Assert.False(second.HasExited, second.Output);
    }
}
