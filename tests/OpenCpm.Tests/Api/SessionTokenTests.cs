using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OpenCpm.Data;
using OpenCpm.Security;

namespace OpenCpm.Tests.Api;

/// <summary>
/// Issue 9, "accounts and sessions" (tokens, full disk), and issue 18, item 2, over HTTP. Before: there was no
/// logout, an API token could create tokens and change the password, a password change left API tokens (and the
/// first-login token) working, /auth/password could be guessed at without limit, and a failing write of a token's
/// last-use time made every API call 500.
/// </summary>
public sealed class SessionTokenTests
{
    private const string NewPassword = "Another-Passw0rd";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpClient With(OpenCpmApplication app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> ApiTokenAsync(HttpClient admin) =>
        (await (await admin.PostAsJsonAsync("/api/v1/auth/tokens", new { name = "script" }, Ct)).JsonAsync()).GetProperty("token").GetString()!;

    [Fact]
    public async Task Logout_revokes_the_calling_token_and_only_it()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var first = await app.CreateClientAsync();
        using var second = await app.CreateClientAsync();
        using var script = With(app, await ApiTokenAsync(first));

        Assert.Equal(HttpStatusCode.NoContent, (await first.PostAsync("/api/v1/auth/logout", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await script.PostAsync("/api/v1/auth/logout", null, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/v1/network", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/v1/network", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/v1/network", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_api_token_can_neither_create_tokens_nor_change_the_password()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var admin = await app.CreateClientAsync();
        using var script = With(app, await ApiTokenAsync(admin));

        var create = await script.PostAsJsonAsync("/api/v1/auth/tokens", new { name = "persistence" }, Ct);
        var change = await script.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = OpenCpmApplication.AdminPassword, newPassword = NewPassword }, Ct);

        Assert.Equal(InteractiveLoginRequirement.ApiTokenRefusedMessage, await ProblemAssert.DetailAsync(create, HttpStatusCode.Forbidden));
        Assert.Equal(InteractiveLoginRequirement.ApiTokenRefusedMessage, await ProblemAssert.DetailAsync(change, HttpStatusCode.Forbidden));
        Assert.Single((await (await admin.GetAsync("/api/v1/auth/tokens", Ct)).JsonAsync()).EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/v1/network", Ct)).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_revokes_every_other_token_login_and_api()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var admin = await app.CreateClientAsync();
        using var otherLogin = await app.CreateClientAsync();
        using var script = With(app, await ApiTokenAsync(admin));

        var changed = await admin.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = OpenCpmApplication.AdminPassword, newPassword = NewPassword }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherLogin.GetAsync("/api/v1/network", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/v1/network", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/network", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_first_login_token_stops_working_after_the_forced_password_change()
    {
        await using var app = await OpenCpmApplication.StartAsync(adminPassword: null);
        using var client = app.CreateClient();
        var first = await (await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = app.GeneratedAdminPassword }, Ct)).JsonAsync();
        Assert.True(first.GetProperty("mustChangePassword").GetBoolean());
        using var firstLogin = With(app, first.GetProperty("token").GetString()!);

        var changed = await firstLogin.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = app.GeneratedAdminPassword, newPassword = NewPassword }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await firstLogin.GetAsync("/api/v1/network", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await firstLogin.GetAsync("/api/v1/auth/me", Ct)).StatusCode);
        using var again = await app.CreateClientAsync("admin", NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/network", Ct)).StatusCode);
    }

    [Fact]
    public async Task Guessing_the_current_password_is_throttled_like_a_login()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var admin = await app.CreateClientAsync();

        for (var i = 0; i < LoginThrottle.FreeFailures; i++)
        {
            var wrong = await admin.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "guess" + i, newPassword = NewPassword }, Ct);
            Assert.Equal("The current password is wrong.", await ProblemAssert.DetailAsync(wrong, HttpStatusCode.BadRequest));
        }

        var locked = await admin.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = OpenCpmApplication.AdminPassword, newPassword = NewPassword }, Ct);
        Assert.Equal("Too many failed logins for this user or address: try again in 30 s.", await ProblemAssert.DetailAsync(locked, HttpStatusCode.TooManyRequests));
        Assert.Equal("30", locked.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task A_failing_write_of_the_last_use_time_never_fails_the_call_and_healthz_reports_it()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        await using var app = await OpenCpmApplication.StartAsync(time: time);
        app.ErrorsExpected = true; // the health check middleware logs an unhealthy report as an error
        using var admin = await app.CreateClientAsync();
        await ExecuteAsync(app, "CREATE TRIGGER full_disk BEFORE UPDATE ON Tokens BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END;");

        // What a full disk does to the token's bookkeeping write (SQLite's own refusal, raised by a trigger here).
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/network", Ct)).StatusCode);
        var health = await app.CreateClient().GetAsync("/healthz", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(
            "Unhealthy: Writing a token's last-use time to the database failed at 2026-05-01 12:00:00 UTC: SQLite Error 19: 'database or disk is full'.",
            await health.Content.ReadAsStringAsync(Ct));

        // A write that can't be skipped is a 503 with a sentence, never a 500.
        await ExecuteAsync(app, "CREATE TRIGGER full_disk_insert BEFORE INSERT ON Tokens BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END;");
        var login = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = OpenCpmApplication.AdminPassword }, Ct);
        Assert.StartsWith("The controller could not write to its database (SQLite Error 19: 'database or disk is full')", await ProblemAssert.DetailAsync(login, HttpStatusCode.ServiceUnavailable), StringComparison.Ordinal);

        // Space again: the next write goes through and /healthz is healthy again.
        await ExecuteAsync(app, "DROP TRIGGER full_disk; DROP TRIGGER full_disk_insert;");
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/network", Ct)).StatusCode);
        Assert.Equal("Healthy", await (await app.CreateClient().GetAsync("/healthz", Ct)).Content.ReadAsStringAsync(Ct));
    }

    private static async Task ExecuteAsync(OpenCpmApplication app, string sql)
    {
        await using var db = await app.Service<IDbContextFactory<OpenCpmDbContext>>().CreateDbContextAsync(Ct);
        await db.Database.ExecuteSqlRawAsync(sql, Ct);
    }
}
