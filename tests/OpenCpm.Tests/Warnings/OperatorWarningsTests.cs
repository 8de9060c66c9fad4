using System.Net;
using System.Text;
using System.Text.Json;
using OpenCpm.Protocols.Modbus;
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

    private static async Task<string?> MeterStateAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/meter", Ct)).JsonAsync()).GetProperty("state").GetString();

    private static async Task<List<JsonElement>> EventsAsync(HttpClient client, string query) =>
        [.. (await (await client.GetAsync("/api/v1/events" + query, Ct)).JsonAsync()).GetProperty("items").EnumerateArray()];
}
