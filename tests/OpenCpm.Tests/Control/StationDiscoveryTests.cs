using System.Net.Http.Json;
using System.Text.Json;
using OpenCpm.Settings;
using OpenCpm.Simulation.Stations;
using OpenCpm.Tests.Api;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Control;

public sealed class StationDiscoveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Adds_a_station_that_answers_the_identification_probe_and_starts_driving_it()
    {
        await using var station = SimulatedKebaStation.Start(FreePort.LoopbackAddress(), KebaStationProfile.CSeries("93000001"), TimeProvider.System);
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();
        // On a real site the probe goes to the LAN broadcast address; here the station's own address stands in for it.
        var put = await client.PutAsJsonAsync(
            new Uri("/api/v1/network/discovery", UriKind.Relative),
            new { enabled = true, expectedStations = 1, broadcastAddress = station.Address.ToString(), intervalSeconds = 30 },
            Ct);
        put.EnsureSuccessStatusCode();

        var search = await client.PostAsync(new Uri("/api/v1/network/discovery/search", UriKind.Relative), null, Ct);
        search.EnsureSuccessStatusCode();

        var installations = (await app.Service<SettingsService>().GetSiteAsync(Ct)).ChargePoints;
        var added = Assert.Single(installations);
        Assert.Equal(station.Address.ToString(), added.Address);
        await Eventually.TrueAsync(
            async () =>
            {
                using var response = await client.GetAsync(new Uri($"/api/v1/chargepoints/{added.Id}", UriKind.Relative), Ct);
                return response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("online").GetBoolean();
            },
            TimeSpan.FromSeconds(20),
            "the controller drives the discovered station");
        Assert.Equal(0, (await (await client.PostAsync(new Uri("/api/v1/network/discovery/search", UriKind.Relative), null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("added").GetInt32());
    }
}
