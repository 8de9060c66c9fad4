using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Data;
using OpenCpm.Simulation.Stations;
using OpenCpm.Simulation.Vehicles;
using OpenCpm.Tests.Api;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Control;

/// <summary>The control loop end to end: the real host, simulated P30 stations over real UDP on loopback.</summary>
public sealed class SiteControllerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Shares_the_site_limit_between_charging_vehicles_and_reduces_before_raising()
    {
        var stations = Enumerable.Range(0, 3)
            .Select(k => SimulatedKebaStation.Start(FreePort.LoopbackAddress(), KebaStationProfile.CSeries((91_000_000 + k).ToString(CultureInfo.InvariantCulture)), TimeProvider.System))
            .ToList();
        try
        {
            await using var app = await OpenCpmApplication.StartAsync();
            var store = app.Service<SettingsStore>();
            var site = new SiteSettings
            {
                MaxCurrentA = 20,
                ChargePoints = [.. stations.Select((s, k) => new ChargePointSettings { Id = $"cp{k + 1}", MaxCurrentA = 32, FailsafeCurrentA = 0 })],
            };
            Assert.True((await store.SaveSiteAsync(site, Ct)).IsValid);
            for (var k = 0; k < stations.Count; k++)
            {
                var problems = await store.SaveChargePointAsync(
                    new ChargePointInstallation { Settings = site.ChargePoints[k], Address = stations[k].Address.ToString(), ConnectorId = k + 1 }, Ct);
                Assert.True(problems.IsValid, string.Join(" ", problems.Errors));
            }

            using var client = await app.CreateClientAsync();
            stations[0].PlugIn(new VehicleSpec { Phases = 3, MaxCurrentA = 32, Reaction = TimeSpan.FromSeconds(1) });

            await Eventually.TrueAsync(async () => (await SetpointAsync(client, "cp1")) == 20, TimeSpan.FromSeconds(30), "cp1 gets the whole site");

            stations[1].PlugIn(new VehicleSpec { Phases = 3, MaxCurrentA = 32, Reaction = TimeSpan.FromSeconds(1) });

            await Eventually.TrueAsync(
                async () => await SetpointAsync(client, "cp1") == 10 && await SetpointAsync(client, "cp2") == 10,
                TimeSpan.FromSeconds(30),
                "both vehicles share 20 A");
            await Eventually.TrueAsync(
                () => stations[0].Inspect(m => m.Report2().UserCurrentMilliA) == 10_000 && stations[1].Inspect(m => m.Report2().UserCurrentMilliA) == 10_000,
                TimeSpan.FromSeconds(30),
                "both stations were commanded 10 A");

            using var status = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/status", UriKind.Relative), Ct));
            var allocation = status.RootElement.GetProperty("allocation").GetProperty("site");
            Assert.True(allocation.GetProperty("l1").GetDouble() <= 20);
            Assert.Equal(20, allocation.GetProperty("limitA").GetDouble());
        }
        finally
        {
            foreach (var s in stations)
            {
                await s.DisposeAsync();
            }
        }
    }

    private static async Task<double> SetpointAsync(HttpClient client, string id)
    {
        var cp = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/chargepoints/{id}", UriKind.Relative), Ct);
        return cp.GetProperty("setpointA").GetDouble();
    }
}
