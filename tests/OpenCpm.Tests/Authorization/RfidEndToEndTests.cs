using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenCpm.Control;
using OpenCpm.Tests.Api;
using OpenCpm.Tests.Demo;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Authorization;

/// <summary>
/// RFID authorization end to end: a demo with simulated KEBA stations on loopback UDP, cards held to their readers
/// through the sim API, the controller's card list, and what the vehicles then draw.
/// </summary>
public sealed class RfidEndToEndTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_authorization_on_only_an_accepted_card_allowed_at_the_station_starts_charging_and_the_session_carries_it()
    {
        await using var demo = await DemoApplication.StartAsync(stations: 2);
        using var client = await demo.CreateClientAsync();
        await RequireCardsAsync(client);
        await AddCardAsync(client, new { uid = "04A1B2C3", name = "Fleet 1", status = "Accepted" });
        await AddCardAsync(client, new { uid = "0BADCAFE", name = "Lost card", status = "Blocked" });
        await AddCardAsync(client, new { uid = "0C0FFEE0", name = "Garage only", status = "Accepted", chargePoints = new[] { "cp2" } });
        await AddCardAsync(client, new { uid = "0E0E0E0E", name = "Last year", status = "Accepted", expiry = "2020-12-31" });

        // A P30 records the first card of a session (report 100), so each card is tried on a fresh plug-in.
        foreach (var (refused, why) in new[] { ("0BADCAFE", "blocked"), ("0C0FFEE0", "not allowed at cp1"), ("0E0E0E0E", "expired"), ("0F0F0F0F", "unknown") })
        {
            await PlugAsync(client, "cp1");
            await Eventually.TrueAsync(() => ChargePoint(demo, "cp1") is { Status.VehiclePlugged: true }, Deadline, "the station reports the vehicle");
            await SwipeAsync(client, "cp1", refused);
            await Eventually.TrueAsync(async () => (await WarningsAsync(client)).Any(m => m.Contains(refused, StringComparison.Ordinal)), Deadline,
                $"the refusal of the {why} card {refused} is in the event log");
            Assert.Equal(0, ChargePoint(demo, "cp1")!.SetpointA);
            Assert.True(demo.Site.Stations[0].StationCurrents().Max == 0,
                $"{refused}: the vehicle draws {demo.Site.Stations[0].StationCurrents()}; station: {await (await client.GetAsync("/api/v1/sim/chargepoints/cp1", Ct)).Content.ReadAsStringAsync(Ct)}; controller: {ChargePoint(demo, "cp1")}; log: {string.Join(" / ", demo.Logs.Entries.Where(e => e.Category.Contains("Keba", StringComparison.Ordinal) || e.Category.Contains("Stations", StringComparison.Ordinal)).TakeLast(30).Select(e => e.Message))}");
            await UnplugAsync(client, "cp1");
            await Eventually.TrueAsync(() => ChargePoint(demo, "cp1") is { Status.VehiclePlugged: false }, Deadline, "the station reports the vehicle gone");
        }

        await PlugAsync(client, "cp1");
        await Eventually.TrueAsync(() => ChargePoint(demo, "cp1") is { Status.VehiclePlugged: true }, Deadline, "the station reports the vehicle");
        var swiped = Stopwatch.StartNew();
        await SwipeAsync(client, "cp1", "04A1B2C3");
        await Eventually.TrueAsync(() => ChargePoint(demo, "cp1")!.SetpointA >= 6, Deadline, "the accepted card enables charging");
        var enabled = swiped.Elapsed;
        await Eventually.TrueAsync(() => demo.Site.Stations[0].StationCurrents().Max >= 6, Deadline, "the vehicle draws current");
        TestContext.Current.SendDiagnosticMessage($"card swiped → charging enabled by the controller: {enabled.TotalMilliseconds:0} ms");

        await AssertSessionCarriesAsync(client, "cp1", "04A1B2C3");
        Assert.Equal(0, demo.Site.Stations[1].StationCurrents().Max);
    }

    [Fact]
    public async Task With_authorization_off_a_vehicle_charges_on_plug_in_under_the_predefined_token()
    {
        await using var demo = await DemoApplication.StartAsync(stations: 1);
        using var client = await demo.CreateClientAsync();
        var put = await client.PutAsJsonAsync("/api/v1/authorization", new { enabled = false, predefinedToken = "FREECHARGE" }, Ct);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(Ct));

        await PlugAsync(client, "cp1");

        await Eventually.TrueAsync(() => demo.Site.Stations[0].StationCurrents().Max >= 6, Deadline, "the vehicle charges without a card");
        await AssertSessionCarriesAsync(client, "cp1", "FREECHARGE");
    }

    [Fact]
    public async Task With_authorization_on_the_operator_starts_a_waiting_vehicle_without_a_card_and_stops_it_again()
    {
        await using var demo = await DemoApplication.StartAsync(stations: 1);
        using var client = await demo.CreateClientAsync();
        await RequireCardsAsync(client, predefinedToken: "OPERATOR1");
        await PlugAsync(client, "cp1");
        await Eventually.TrueAsync(() => ChargePoint(demo, "cp1") is { Status.VehiclePlugged: true }, Deadline, "the station reports the vehicle");

        var start = await client.PostAsync("/api/v1/chargepoints/cp1/actions/start", null, Ct);
        Assert.True(start.IsSuccessStatusCode, await start.Content.ReadAsStringAsync(Ct));
        await Eventually.TrueAsync(() => demo.Site.Stations[0].StationCurrents().Max >= 6, Deadline, "the operator's start enables charging");
        await AssertSessionCarriesAsync(client, "cp1", "OPERATOR1");

        var stop = await client.PostAsync("/api/v1/chargepoints/cp1/actions/stop", null, Ct);
        Assert.True(stop.IsSuccessStatusCode, await stop.Content.ReadAsStringAsync(Ct));
        await Eventually.TrueAsync(() => demo.Site.Stations[0].StationCurrents().Max == 0, Deadline, "the operator's stop takes the current away");
    }

    private static ChargePointSnapshot? ChargePoint(DemoApplication demo, string id) => demo.Service<SiteSnapshots>().Current.Find(id);

    private static async Task RequireCardsAsync(HttpClient client, string? predefinedToken = null)
    {
        var put = await client.PutAsJsonAsync("/api/v1/authorization",
            new { enabled = true, onlineMode = "FirstLocal", offlineMode = "OfflineLocalAuthorization", predefinedToken }, Ct);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(Ct));
    }

    private static async Task AddCardAsync(HttpClient client, object card)
    {
        var response = await client.PostAsJsonAsync("/api/v1/cards", card, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task PlugAsync(HttpClient client, string id)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/sim/chargepoints/{id}/plug", new { phases = 3, maxCurrentA = 16 }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task UnplugAsync(HttpClient client, string id)
    {
        var response = await client.PostAsync($"/api/v1/sim/chargepoints/{id}/unplug", null, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task SwipeAsync(HttpClient client, string id, string uid)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/sim/chargepoints/{id}/swipe", new { uid }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<IReadOnlyList<string>> WarningsAsync(HttpClient client)
    {
        var page = await (await client.GetAsync("/api/v1/events?level=Warning&source=authorization", Ct)).JsonAsync();
        return [.. page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("message").GetString() ?? "")];
    }

    /// <summary>Waits until the running session at <paramref name="chargePoint"/> carries <paramref name="idTag"/>.</summary>
    private static async Task AssertSessionCarriesAsync(HttpClient client, string chargePoint, string idTag)
    {
        var seen = "";
        var carried = Eventually.TrueAsync(
            async () =>
            {
                var page = await (await client.GetAsync($"/api/v1/sessions?chargePoint={chargePoint}", Ct)).JsonAsync();
                var sessions = page.GetProperty("items").EnumerateArray().ToList();
                seen = string.Join(", ", sessions.Select(s => $"{s.GetProperty("idTag")} ended {s.GetProperty("end")}"));
                return sessions.Any(s => s.GetProperty("end").ValueKind == JsonValueKind.Null && s.GetProperty("idTag").GetString() == idTag);
            },
            Deadline);
        var timedOut = await Record.ExceptionAsync(() => carried);
        Assert.True(timedOut is null, $"the running session at {chargePoint} carries {idTag}; sessions: {seen}");
    }
}
