using System.Net;
using System.Text;
using System.Text.Json;
using OpenCpm.Data;
using OpenCpm.Protocols.Modbus;
using OpenCpm.Settings;
using OpenCpm.Simulation.Meters;
using OpenCpm.Tests.Api;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Warnings;

/// <summary>Operator warnings reach the event log once per transition, through the real host and a simulated meter on loopback.</summary>
public sealed class OperatorWarningsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Twenty_failed_meter_reads_give_one_warning_in_the_event_log_and_one_entry_when_the_meter_is_back()
    {
        await using var meter = SimulatedGridMeter.Launch(MeterProfileCatalog.BuiltIn.Find("cg-em24-e1")!, new SimulatedGridMeterOptions { Address = FreePort.LoopbackAddress() });
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();
        var settings = $$"""{ "enabled": true, "profile": "cg-em24-e1", "host": "{{meter.Address}}", "port": {{meter.Port}}, "unit": 1, "pollSeconds": 0.1 }""";
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/v1/meter", new StringContent(settings, Encoding.UTF8, "application/json"), Ct)).StatusCode);
        await Eventually.TrueAsync(async () => await MeterStateAsync(client) == "connected", because: "the meter is read");

        meter.Fault = SimulatedMeterFault.ExceptionResponse;
        var failedFrom = meter.RequestCount;
        await Eventually.TrueAsync(async () => meter.RequestCount >= failedFrom + 20 && await MeterStateAsync(client) == "lost", because: "20 reads fail and the meter is lost");
        meter.Fault = SimulatedMeterFault.None;
        await Eventually.TrueAsync(async () => await MeterStateAsync(client) == "connected", because: "the meter answers again");
        await Eventually.TrueAsync(async () => (await EventsAsync(client, "?source=meter")).Count >= 2, because: "the return is logged");

        var warning = Assert.Single(await EventsAsync(client, "?level=Warning"));
        Assert.Equal("meter", warning.GetProperty("source").GetString());
        Assert.StartsWith("The grid meter is lost (", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("charging is stopped until it answers again", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
        var meterEvents = await EventsAsync(client, "?source=meter");
        Assert.Equal(
            [("Info", "The grid meter answers again: load management follows its readings."), ("Warning", warning.GetProperty("message").GetString())],
            meterEvents.Select(e => (e.GetProperty("level").GetString(), e.GetProperty("message").GetString())));
    }

    [Fact]
    public async Task A_change_of_the_site_limit_is_written_to_the_event_log()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();

        await Demo.DemoMeterLossTests.PutChangedAsync(client, "/api/v1/network", network => network["maxCurrentA"] = 80);

        await Eventually.TrueAsync(async () => (await EventsAsync(client, "?source=site")).Count == 1, because: "the limit change is logged");
        var entry = Assert.Single(await EventsAsync(client, "?source=site"));
        Assert.Matches(@"^The site limit changed from \d+ A to 80 A per phase\.$", entry.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Stored_settings_the_allocator_refuses_are_an_error_in_the_event_log_and_the_status_until_they_are_corrected()
    {
        using var data = new TempDirectory();
        await using (var first = await OpenCpmApplication.StartAsync(data.Path))
        {
            // Written past the settings' validation, as an older version, a restored backup or an edited database may leave them.
            var stored = first.Service<SettingsService>().Current.Site;
            await first.Service<SettingsStore>().SaveSiteAsync(stored.WithLimits(stored.Site with { MaxCurrentA = 5000 }), Ct);
        }

        await using var app = await OpenCpmApplication.StartAsync(data.Path);
        app.ErrorsExpected = true; // the control loop logs the refusal as an error
        using var client = await app.CreateClientAsync();

        await Eventually.TrueAsync(async () => (await StatusWarningsAsync(client)).Count == 1, because: "the status shows the invalid settings");
        var warning = Assert.Single(await StatusWarningsAsync(client));
        Assert.Equal(("Error", "loadManagement"), (warning.GetProperty("level").GetString(), warning.GetProperty("source").GetString()));
        Assert.Equal(
            "The stored settings are invalid (The site's maximum current must be at most 4000 A but is 5000 A): load management can't run, no station gets a command and each falls back to its failsafe current until they are corrected.",
            warning.GetProperty("message").GetString());
        await Eventually.TrueAsync(async () => (await EventsAsync(client, "?source=loadManagement")).Count == 1, because: "the event log has it");
        var logged = Assert.Single(await EventsAsync(client, "?level=Error"));
        Assert.Equal(warning.GetProperty("message").GetString(), logged.GetProperty("message").GetString());

        await Demo.DemoMeterLossTests.PutChangedAsync(client, "/api/v1/network", network => network["maxCurrentA"] = 63);

        await Eventually.TrueAsync(async () => (await StatusWarningsAsync(client)).Count == 0, because: "the corrected settings are taken in");
        await Eventually.TrueAsync(async () => (await EventsAsync(client, "?source=loadManagement")).Count == 2, because: "the correction is logged");
        Assert.Equal("The settings are valid again: load management runs on them.", (await EventsAsync(client, "?source=loadManagement"))[0].GetProperty("message").GetString());
        var status = await (await client.GetAsync("/api/v1/status", Ct)).JsonAsync();
        Assert.Equal(63, status.GetProperty("allocation").GetProperty("site").GetProperty("limitA").GetDouble());
        Assert.Single(await EventsAsync(client, "?level=Error"));
    }

    private static async Task<List<JsonElement>> StatusWarningsAsync(HttpClient client) =>
        [.. (await (await client.GetAsync("/api/v1/status", Ct)).JsonAsync()).GetProperty("warnings").EnumerateArray()];

    private static async Task<string?> MeterStateAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/meter", Ct)).JsonAsync()).GetProperty("state").GetString();

    private static async Task<List<JsonElement>> EventsAsync(HttpClient client, string query) =>
        [.. (await (await client.GetAsync("/api/v1/events" + query, Ct)).JsonAsync()).GetProperty("items").EnumerateArray()];
}
