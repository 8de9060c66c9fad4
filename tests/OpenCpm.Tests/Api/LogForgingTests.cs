using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using OpenCpm.Data;

namespace OpenCpm.Tests.Api;

/// <summary>
/// Issue 9, "log forging": user names, token names, hosts and ids with control characters reached the console log
/// and the event log verbatim. Now identifiers with control characters are refused, and whatever is logged is
/// escaped and cut (one helper, LogText, for every such value; the console log and the event log escape anyway).
/// </summary>
public sealed class LogForgingTests
{
    private const string Forged = "admin\r\n[12:00:00 INF] User admin logged in from 10.0.0.1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_user_name_with_a_line_break_is_refused_and_never_logged()
    {
        await using var app = await OpenCpmApplication.StartAsync(logLevel: "Debug");
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = Forged, password = "x" }, Ct);

        Assert.Equal("'username' must not contain control characters or line breaks.", await ProblemAssert.DetailAsync(response, HttpStatusCode.BadRequest));
        Assert.DoesNotContain(app.Logs.Entries, e => e.Message.Contains("\r\n[12:00:00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_name_with_control_characters_is_refused()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var admin = await app.CreateClientAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/auth/tokens", new { name = "ha\u001b[31m red" }, Ct);

        Assert.Equal("An API token's 'name' must not contain control characters or line breaks.", await ProblemAssert.DetailAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Whatever_reaches_the_console_log_or_the_event_log_is_escaped_and_cut()
    {
        await using var app = await OpenCpmApplication.StartAsync(logLevel: "Information");
        var logger = app.Service<ILoggerFactory>().CreateLogger("OpenCpm.Tests.Forging");

#pragma warning disable CA1848, CA2254 // a direct call: the test stands for any area's [LoggerMessage] with a value from outside
        logger.LogWarning("Station description {Description}", Forged + new string('x', 1000));
#pragma warning restore CA1848, CA2254
        await app.Service<EventLog>().WarningAsync("test", "Found a station (" + Forged + ")", Ct);

        var logged = Assert.Single(app.Logs.Entries, e => e.Category == "OpenCpm.Tests.Forging").Message;
        Assert.StartsWith("Station description \"admin\\u000D\\u000A[12:00:00 INF]", logged, StringComparison.Ordinal);
        Assert.True(logged.Length < 600, $"cut to 500 characters, but {logged.Length}");
        var events = await app.Service<EventLog>().QueryAsync(new EventQuery { Source = "test" }, Ct);
        Assert.Equal("Found a station (admin\\u000D\\u000A[12:00:00 INF] User admin logged in from 10.0.0.1)", Assert.Single(events.Items).Message);
    }
}
