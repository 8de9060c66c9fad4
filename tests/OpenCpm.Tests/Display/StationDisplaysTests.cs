using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Settings;
using OpenCpm.Simulation.Stations;
using OpenCpm.Simulation.Vehicles;
using OpenCpm.Tests.Api;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Display;

/// <summary>Display texts and the Device page against a simulated KEBA P30 over real UDP on loopback.</summary>
public sealed class StationDisplaysTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_station_with_a_display_shows_the_operators_text_without_units_and_the_device_page_shows_its_DIP_switches()
    {
        await using var station = SimulatedKebaStation.Start(FreePort.LoopbackAddress(), KebaStationProfile.CSeries("91500001"), TimeProvider.System);
        await using var app = await OpenCpmApplication.StartAsync();
        await SiteSetup.ConfigureAsync(app.Service<SettingsService>(), new SiteSettings { MaxCurrentA = 32, ChargePoints = [new ChargePointSettings { Id = "cp1" }] }, [station.Address]);
        using var client = await app.CreateClientAsync();

        var refused = await client.PutAsJsonAsync("/api/v1/display", Texts("Charge terminée"), Ct);
        Assert.Contains("contains 'é'", await ProblemAssert.DetailAsync(refused, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        var tooLong = await client.PutAsJsonAsync("/api/v1/display", Texts("Ladevorgang laeuft jetzt"), Ct);
        Assert.Contains("has 24 characters: a display text has at most 20", await ProblemAssert.DetailAsync(tooLong, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        var saved = await (await client.PutAsJsonAsync("/api/v1/display", Texts("Laden 11 kWh"), Ct)).JsonAsync();
        Assert.Equal("Laden 11", saved.GetProperty("texts")[0].GetProperty("text").GetString());
        Assert.Equal("Karte vorhalten", saved.GetProperty("shown").EnumerateArray().Single(t => t.GetProperty("event").GetString() == "SwipeCard").GetProperty("text").GetString());
        Assert.Equal(
            "The text of Charging: kWh taken out (units of energy are reserved for the energy the station shows); it is \"Laden 11\".",
            Assert.Single(saved.GetProperty("notices").EnumerateArray()).GetString());

        station.PlugIn(new VehicleSpec { Phases = 3, MaxCurrentA = 32, Reaction = TimeSpan.FromMilliseconds(200) });

        await Eventually.TrueAsync(() => station.Inspect(m => m.DisplayText) == "Laden 11", TimeSpan.FromSeconds(30), "the station shows the charging text");
        var device = await (await client.GetAsync("/api/v1/system/device", Ct)).JsonAsync();
        var cp1 = Assert.Single(device.GetProperty("stations").EnumerateArray());
        var dip = cp1.GetProperty("dipSwitches").EnumerateArray().ToList();
        Assert.Equal(16, dip.Count);
        Assert.Equal(["DSW1.3", "DSW1.6", "DSW1.8", "DSW2.7"], dip.Where(d => d.GetProperty("on").GetBoolean()).Select(d => d.GetProperty("name").GetString()));
        Assert.Equal("SmartHome interface (UDP and Modbus) on", dip[2].GetProperty("meaning").GetString());
        Assert.False(cp1.GetProperty("firmwareUpdateByController").GetBoolean());
        Assert.StartsWith("A KEBA P30's firmware cannot be pushed over its UDP interface", cp1.GetProperty("firmwareUpdate").GetString(), StringComparison.Ordinal);
        Assert.False(cp1.GetProperty("restartByController").GetBoolean());
        Assert.NotEqual(JsonValueKind.Undefined, device.GetProperty("timeSync").GetProperty("detail").ValueKind);
        var update = await (await client.GetAsync("/api/v1/system/update", Ct)).JsonAsync();
        Assert.StartsWith("A KEBA P30's firmware cannot be pushed", Assert.Single(update.GetProperty("stations").EnumerateArray()).GetProperty("firmwareUpdate").GetString(), StringComparison.Ordinal);
        Assert.False(update.GetProperty("available").GetBoolean());
        Assert.StartsWith("Updates need an installation with versions/ and a current link", update.GetProperty("notAvailableBecause").GetString(), StringComparison.Ordinal);
        var restart = await client.PostAsync("/api/v1/chargepoints/cp1/actions/restart", null, Ct);
        Assert.Contains("cannot be restarted over its UDP interface", await ProblemAssert.DetailAsync(restart, HttpStatusCode.NotImplemented), StringComparison.Ordinal);
    }

    private static object Texts(string charging) => new
    {
        enabled = true,
        language = "de",
        texts = new[] { new { @event = "Charging", text = charging, durationSeconds = 20 } },
    };
}
