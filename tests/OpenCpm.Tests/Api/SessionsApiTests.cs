using System.Net;
using Microsoft.Extensions.Time.Testing;
using OpenCpm.Core.Sessions;
using OpenCpm.Data;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Api;

public sealed class SessionsApiTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sessions_survive_a_restart_of_the_host_on_the_same_data_folder()
    {
        using var data = new TempDirectory();
        var time = new FakeTimeProvider(T0);
        await using (var app = await OpenCpmApplication.StartAsync(data.Path, time: time))
        {
            var store = app.Service<SessionStore>();
            var ended = await store.StartAsync("cp1", "04A1B2", 1000, Ct);
            time.Advance(TimeSpan.FromHours(2));
            await store.EndAsync(ended.Id, 12000, StopReason.EVDisconnected, Ct);
            var active = await store.StartAsync("cp2", null, 500, Ct);
            time.Advance(TimeSpan.FromMinutes(10));
            await store.UpdateMeterAsync(active.Id, 1500, Ct);
        }

        await using (var again = await OpenCpmApplication.StartAsync(data.Path, time: time))
        {
            using var client = await again.CreateClientAsync();
            var page = await (await client.GetAsync("/api/v1/sessions", Ct)).JsonAsync();
            Assert.Equal(2, page.GetProperty("total").GetInt32());
            var items = page.GetProperty("items");

            var newest = items[0];
            Assert.Equal("cp2", newest.GetProperty("chargePoint").GetString());
            Assert.Equal("PWMCharging", newest.GetProperty("state").GetString());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, newest.GetProperty("end").ValueKind);
            Assert.Equal(1000, newest.GetProperty("energyWh").GetDouble());

            var oldest = items[1];
            Assert.Equal("cp1", oldest.GetProperty("chargePoint").GetString());
            Assert.Equal("04A1B2", oldest.GetProperty("idTag").GetString());
            Assert.Equal("ended", oldest.GetProperty("state").GetString());
            Assert.Equal("EVDisconnected", oldest.GetProperty("stopReason").GetString());
            Assert.Equal(11000, oldest.GetProperty("energyWh").GetDouble());
            Assert.Equal(T0, oldest.GetProperty("start").GetDateTimeOffset());
            Assert.Equal(T0.AddHours(2), oldest.GetProperty("end").GetDateTimeOffset());

            Assert.Equal("cp2", (await again.Service<SessionStore>().ActiveForAsync("cp2", Ct))?.ChargePoint);
        }
    }

    [Fact]
    public async Task A_charge_point_has_at_most_one_active_session()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        var store = app.Service<SessionStore>();
        var first = await store.StartAsync("cp1", "A", 0, Ct);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.StartAsync("cp1", "B", 0, Ct));
        Assert.Equal($"Charge point \"cp1\" already has an active session ({first.Id}); end it first.", error.Message);
    }

    private static async Task<FakeTimeProvider> SeedAsync(OpenCpmApplication app, FakeTimeProvider time)
    {
        var store = app.Service<SessionStore>();
        // Day 1..6 at 08:00: cards alternate, charge points cp1/cp2/cp3.
        string[] cards = ["AA01", "BB02"];
        for (var day = 0; day < 6; day++)
        {
            time.SetUtcNow(T0.AddDays(day));
            var s = await store.StartAsync($"cp{(day % 3) + 1}", cards[day % 2], day * 1000, Ct);
            time.Advance(TimeSpan.FromHours(1));
            await store.EndAsync(s.Id, (day * 1000) + 500, StopReason.Local, Ct);
        }

        return time;
    }

    [Theory]
    [InlineData("", 6, "1,2,3,4,5,6")]
    [InlineData("?from=2026-03-02T00:00:00Z", 5, "2,3,4,5,6")]
    [InlineData("?from=2026-03-02T00:00:00Z&to=2026-03-04T08:00:00Z", 2, "2,3")]
    [InlineData("?card=aa01", 3, "1,3,5")]
    [InlineData("?chargePoint=cp2", 2, "2,5")]
    [InlineData("?card=BB02&chargePoint=cp3", 1, "6")]
    [InlineData("?chargePoint=cp9", 0, "")]
    public async Task Sessions_are_filtered_by_start_time_card_and_charge_point(string query, int total, string days)
    {
        var time = new FakeTimeProvider(T0);
        await using var app = await OpenCpmApplication.StartAsync(time: time);
        await SeedAsync(app, time);
        using var client = await app.CreateClientAsync();

        var page = await (await client.GetAsync("/api/v1/sessions" + query, Ct)).JsonAsync();

        Assert.Equal(total, page.GetProperty("total").GetInt32());
        var startDays = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("start").GetDateTimeOffset().Day).Reverse();
        Assert.Equal(days, string.Join(",", startDays));
    }

    [Fact]
    public async Task Sessions_are_paged_newest_first()
    {
        var time = new FakeTimeProvider(T0);
        await using var app = await OpenCpmApplication.StartAsync(time: time);
        await SeedAsync(app, time);
        using var client = await app.CreateClientAsync();

        var page = await (await client.GetAsync("/api/v1/sessions?page=2&pageSize=4", Ct)).JsonAsync();

        Assert.Equal(6, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal(4, page.GetProperty("pageSize").GetInt32());
        Assert.Equal([2, 1], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("start").GetDateTimeOffset().Day).ToArray());
    }

    [Fact]
    public async Task The_export_is_csv_with_the_same_filters_oldest_first()
    {
        var time = new FakeTimeProvider(T0);
        await using var app = await OpenCpmApplication.StartAsync(time: time);
        await SeedAsync(app, time);
        using var client = await app.CreateClientAsync();

        var response = await client.GetAsync("/api/v1/sessions/export?card=AA01&from=2026-03-02T00:00:00Z", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("sessions.csv", response.Content.Headers.ContentDisposition?.FileName);
        var csv = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(
            "id,chargePoint,idTag,start,end,energyWh,state,stopReason,meterStartWh,meterEndWh\r\n" +
            "3,cp3,AA01,2026-03-03T08:00:00Z,2026-03-03T09:00:00Z,500,ended,Local,2000,2500\r\n" +
            "5,cp2,AA01,2026-03-05T08:00:00Z,2026-03-05T09:00:00Z,500,ended,Local,4000,4500\r\n",
            csv);
    }

    [Fact]
    public async Task Ended_sessions_older_than_12_months_are_pruned_at_start_and_daily_but_active_ones_are_kept()
    {
        using var data = new TempDirectory();
        long oldId, activeId, laterId;
        await using (var first = await OpenCpmApplication.StartAsync(data.Path, time: new FakeTimeProvider(T0)))
        {
            var sessions = first.Service<SessionStore>();
            var old = await sessions.StartAsync("cp1", "OLD", 0, Ct);
            oldId = (await sessions.EndAsync(old.Id, 100, StopReason.Local, Ct)).Id;
            activeId = (await sessions.StartAsync("cp2", "STILL", 0, Ct)).Id;
        }

        await using (var second = await OpenCpmApplication.StartAsync(data.Path, time: new FakeTimeProvider(T0.AddDays(1))))
        {
            var sessions = second.Service<SessionStore>();
            var later = await sessions.StartAsync("cp3", "LATER", 0, Ct);
            laterId = (await sessions.EndAsync(later.Id, 100, StopReason.Local, Ct)).Id;
        }

        // An hour after the old session turned 12 months old: the run at start removes it, not the active one.
        var time = new FakeTimeProvider(T0.AddMonths(12).AddHours(1));
        await using var app = await OpenCpmApplication.StartAsync(data.Path, time: time);
        var store = app.Service<SessionStore>();
        await Eventually.TrueAsync(async () => await store.GetAsync(oldId, Ct) is null, because: "the run at start removes the old ended session");
        Assert.True((await store.GetAsync(activeId, Ct))!.IsActive);
        Assert.NotNull(await store.GetAsync(laterId, Ct));

        // A day later the daily run removes the session that has turned 12 months old since.
        time.Advance(StoragePruner.Period);
        await Eventually.TrueAsync(async () => await store.GetAsync(laterId, Ct) is null, because: "the daily run removes the next old session");
    }

    [Fact]
    public async Task Events_are_written_and_listed_newest_first_with_filters()
    {
        var time = new FakeTimeProvider(T0);
        await using var app = await OpenCpmApplication.StartAsync(time: time);
        var events = app.Service<EventLog>();
        await events.InfoAsync("station", "Charge point cp1 appeared at 192.168.42.11.", Ct);
        time.Advance(TimeSpan.FromMinutes(1));
        await events.WarningAsync("meter", "The grid meter did not answer.", Ct);
        time.Advance(TimeSpan.FromMinutes(1));
        await events.ErrorAsync("station", "Charge point cp1 reports error 0x1.", Ct);
        using var client = await app.CreateClientAsync();

        var all = await (await client.GetAsync("/api/v1/events", Ct)).JsonAsync();
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        var newest = all.GetProperty("items")[0];
        Assert.Equal("Error", newest.GetProperty("level").GetString());
        Assert.Equal("station", newest.GetProperty("source").GetString());
        Assert.Equal("Charge point cp1 reports error 0x1.", newest.GetProperty("message").GetString());
        Assert.Equal(T0.AddMinutes(2), newest.GetProperty("time").GetDateTimeOffset());

        var warnings = await (await client.GetAsync("/api/v1/events?level=Warning", Ct)).JsonAsync();
        Assert.Equal(2, warnings.GetProperty("total").GetInt32());
        var station = await (await client.GetAsync("/api/v1/events?source=station&to=2026-03-01T08:01:00Z", Ct)).JsonAsync();
        Assert.Equal("Charge point cp1 appeared at 192.168.42.11.", Assert.Single(station.GetProperty("items").EnumerateArray()).GetProperty("message").GetString());
    }
}
