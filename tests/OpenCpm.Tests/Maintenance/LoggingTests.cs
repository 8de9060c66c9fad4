using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OpenCpm.Data;
using OpenCpm.Maintenance;
using OpenCpm.Tests.Api;
using Serilog.Events;

namespace OpenCpm.Tests.Maintenance;

public sealed partial class LoggingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Debug_logging_lasts_the_chosen_time_then_the_level_goes_back_by_itself_and_the_archive_holds_the_logs()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        await using var app = await OpenCpmApplication.StartAsync(time: time);
        using var client = await app.CreateClientAsync();
        var log = app.Service<ILoggerFactory>().CreateLogger("OpenCpm.Tests");
        var level = app.Service<HostLogging>().Switch;
        Marker(log, LogLevel.Debug, "before-marker");
        Assert.Equal(LogEventLevel.Warning, level.MinimumLevel);

        var tooLong = await client.PutAsJsonAsync("/api/v1/system/logging", new { debugMinutes = 2000 }, Ct);
        Assert.Equal("The DEBUG duration must be 1 to 1440 minutes but is 2000.", await ProblemAssert.DetailAsync(tooLong, HttpStatusCode.BadRequest));
        var on = await client.PutAsJsonAsync("/api/v1/system/logging", new { debugMinutes = 30 }, Ct);

        var status = await on.JsonAsync();
        Assert.Equal("Debug", status.GetProperty("level").GetString());
        Assert.Equal("Warning", status.GetProperty("configuredLevel").GetString());
        Assert.Equal(time.GetUtcNow().AddMinutes(30), status.GetProperty("debugUntil").GetDateTimeOffset());
        Marker(log, LogLevel.Debug, "during-marker");
        time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(LogEventLevel.Debug, level.MinimumLevel);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(LogEventLevel.Warning, level.MinimumLevel);
        Marker(log, LogLevel.Debug, "after-marker");
        Marker(log, LogLevel.Warning, "warning-marker");

        using var archive = await client.GetAsync("/api/v1/system/logging/archive", Ct);
        Assert.Equal("application/zip", archive.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await archive.Content.ReadAsStreamAsync(Ct));
        Assert.Contains("about.txt", zip.Entries.Select(e => e.FullName));
        var hostLog = string.Concat(zip.Entries.Where(e => e.FullName.StartsWith("logs/opencpm-", StringComparison.Ordinal)).Select(Read));
        Assert.Contains("during-marker", hostLog, StringComparison.Ordinal);
        Assert.Contains("warning-marker", hostLog, StringComparison.Ordinal);
        Assert.DoesNotContain("before-marker", hostLog, StringComparison.Ordinal);
        Assert.DoesNotContain("after-marker", hostLog, StringComparison.Ordinal);
        var events = Read(zip.GetEntry("events.csv")!);
        Assert.StartsWith("time,level,source,message\n", events, StringComparison.Ordinal);
        Assert.Contains(",Info,logging,admin turned DEBUG logging on for 30 min.\n", events, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clearing_the_event_log_leaves_only_the_line_that_says_who_cleared_it()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();
        var events = app.Service<EventLog>();
        await events.InfoAsync("test", "one", Ct);
        await events.WarningAsync("test", "two", Ct);

        var cleared = await client.DeleteAsync("/api/v1/events", Ct);

        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        var left = await events.QueryAsync(new EventQuery(), Ct);
        Assert.Equal("admin cleared the event log (2 entries).", Assert.Single(left.Items).Message);
    }

    [LoggerMessage(EventId = 9900, Message = "{Marker}")]
    private static partial void Marker(ILogger logger, LogLevel level, string marker);

    private static string Read(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
