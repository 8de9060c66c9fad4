using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using OpenCpm.Security;

namespace OpenCpm.Tests.Api;

public sealed class AuthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/v1/sessions")]
    [InlineData("/api/v1/sessions/export")]
    [InlineData("/api/v1/network")]
    [InlineData("/api/v1/network/clusters")]
    [InlineData("/api/v1/network/chargepoints/cp1")]
    [InlineData("/api/v1/meter")]
    [InlineData("/api/v1/ocpp")]
    [InlineData("/api/v1/authorization")]
    [InlineData("/api/v1/events")]
    [InlineData("/api/v1/auth/tokens")]
    public async Task Every_api_call_without_a_token_gets_401_problem_json(string path)
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = app.CreateClient();

        var response = await client.GetAsync(path, Ct);

        var detail = await ProblemAssert.DetailAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("This call needs a bearer token: log in with POST /api/v1/auth/login and send \"Authorization: Bearer TOKEN\".", detail);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task An_unknown_token_gets_401_saying_so()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "ocpm_not-a-real-token");

        var detail = await ProblemAssert.DetailAsync(await client.GetAsync("/api/v1/network", Ct), HttpStatusCode.Unauthorized);

        Assert.Equal("The bearer token is unknown, revoked or expired: log in again.", detail);
    }

    [Fact]
    public async Task A_wrong_password_gets_401_and_a_right_one_a_token_that_works()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = app.CreateClient();

        var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = "nope" }, Ct);
        Assert.Equal("The user name or the password is wrong.", await ProblemAssert.DetailAsync(wrong, HttpStatusCode.Unauthorized));
        var unknown = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "nobody", password = "nope" }, Ct);
        Assert.Equal("The user name or the password is wrong.", await ProblemAssert.DetailAsync(unknown, HttpStatusCode.Unauthorized));

        var token = await OpenCpmApplication.LoginAsync(client, "ADMIN", OpenCpmApplication.AdminPassword);
        Assert.StartsWith("ocpm_", token, StringComparison.Ordinal);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/network", Ct)).StatusCode);
    }

    [Fact]
    public async Task Login_is_locked_out_after_five_failures_for_a_growing_delay()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        await using var app = await OpenCpmApplication.StartAsync(time: time);
        using var client = app.CreateClient();

        for (var i = 0; i < LoginThrottle.FreeFailures; i++)
        {
            var failed = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = "guess" + i }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        // Locked: even the right password is not checked now.
        var locked = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = OpenCpmApplication.AdminPassword }, Ct);
        Assert.Equal("30", locked.Headers.GetValues("Retry-After").Single());
        Assert.Equal("Too many failed logins for this user or address: try again in 30 s.", await ProblemAssert.DetailAsync(locked, HttpStatusCode.TooManyRequests));

        // After the lockout one more failure locks for twice as long.
        time.Advance(TimeSpan.FromSeconds(31));
        var sixth = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = "guess6" }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, sixth.StatusCode);
        var lockedLonger = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = OpenCpmApplication.AdminPassword }, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, lockedLonger.StatusCode);
        Assert.Equal("60", lockedLonger.Headers.GetValues("Retry-After").Single());

        time.Advance(TimeSpan.FromSeconds(61));
        Assert.StartsWith("ocpm_", await OpenCpmApplication.LoginAsync(client, "admin", OpenCpmApplication.AdminPassword), StringComparison.Ordinal);

        var lockouts = app.Service<OpenCpm.Data.EventLog>().QueryAsync(new OpenCpm.Data.EventQuery { Source = "security" }, Ct);
        Assert.Equal(
            [
                "Logins for user \"admin\" are locked for 60 s after repeated failures, from addresses that failed (not from those it logged in from).",
                "Logins from 127.0.0.1 are locked for 60 s after repeated failures.",
                "Logins for user \"admin\" are locked for 30 s after repeated failures, from addresses that failed (not from those it logged in from).",
                "Logins from 127.0.0.1 are locked for 30 s after repeated failures.",
            ],
            (await lockouts).Items.Select(e => e.Message).ToArray());
    }

    [Fact]
    public void Lockouts_double_from_30_s_up_to_15_min()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), LoginThrottle.Lockout(5));
        Assert.Equal(TimeSpan.FromSeconds(60), LoginThrottle.Lockout(6));
        Assert.Equal(TimeSpan.FromSeconds(120), LoginThrottle.Lockout(7));
        Assert.Equal(TimeSpan.FromMinutes(15), LoginThrottle.Lockout(12));
        Assert.Equal(TimeSpan.FromMinutes(15), LoginThrottle.Lockout(1000));
    }

    [Fact]
    public async Task The_first_start_creates_admin_whose_generated_password_must_be_changed_before_anything_else()
    {
        using var data = new Shared.TempDirectory();
        string newPassword = "Brand-new-Passw0rd";
        await using (var app = await OpenCpmApplication.StartAsync(data.Path, adminPassword: null))
        {
            var generated = app.GeneratedAdminPassword;
            Assert.NotNull(generated);
            Assert.Null(PasswordPolicy.Check(generated));
            Assert.DoesNotContain(app.Logs.Entries, e => e.Message.Contains(generated, StringComparison.Ordinal));

            using var client = app.CreateClient();
            var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = generated }, Ct);
            var body = await login.JsonAsync();
            Assert.True(body.GetProperty("mustChangePassword").GetBoolean());
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("token").GetString());

            var refused = await client.GetAsync("/api/v1/sessions", Ct);
            Assert.Equal(
                "The password must be changed before any other call: POST /api/v1/auth/password with { \"currentPassword\", \"newPassword\" }.",
                await ProblemAssert.DetailAsync(refused, HttpStatusCode.Forbidden));
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/auth/tokens", new { name = "x" }, Ct)).StatusCode);

            var weak = await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = generated, newPassword = "short" }, Ct);
            Assert.Equal("The new password must have at least 10 characters.", await ProblemAssert.DetailAsync(weak, HttpStatusCode.BadRequest));
            var wrongCurrent = await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "nope", newPassword }, Ct);
            Assert.Equal("The current password is wrong.", await ProblemAssert.DetailAsync(wrongCurrent, HttpStatusCode.BadRequest));

            var changed = await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = generated, newPassword }, Ct);
            Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

            // The first-login token ends with the change (issue 18): log in again with the new password.
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/sessions", Ct)).StatusCode);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await OpenCpmApplication.LoginAsync(client, "admin", newPassword));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/sessions", Ct)).StatusCode);
            var me = await (await client.GetAsync("/api/v1/auth/me", Ct)).JsonAsync();
            Assert.False(me.GetProperty("mustChangePassword").GetBoolean());
            var old = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = generated }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        }

        // A restart finds the user: no new password, and the changed one still works.
        await using (var again = await OpenCpmApplication.StartAsync(data.Path, adminPassword: null))
        {
            Assert.Null(again.GeneratedAdminPassword);
            using var client = await again.CreateClientAsync("admin", newPassword);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/sessions", Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task A_preset_admin_password_needs_no_change()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        Assert.Null(app.GeneratedAdminPassword);
        using var client = app.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = OpenCpmApplication.AdminPassword }, Ct);
        Assert.False((await login.JsonAsync()).GetProperty("mustChangePassword").GetBoolean());
    }

    [Fact]
    public async Task Api_tokens_work_like_login_tokens_until_revoked()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var admin = await app.CreateClientAsync();

        var created = await admin.PostAsJsonAsync("/api/v1/auth/tokens", new { name = "home automation" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        var id = body.GetProperty("id").GetInt64();
        var token = body.GetProperty("token").GetString()!;
        Assert.Equal($"/api/v1/auth/tokens/{id}", created.Headers.Location?.OriginalString);

        var list = await (await admin.GetAsync("/api/v1/auth/tokens", Ct)).JsonAsync();
        var listed = Assert.Single(list.EnumerateArray());
        Assert.Equal("home automation", listed.GetProperty("name").GetString());
        Assert.DoesNotContain(token, list.GetRawText(), StringComparison.Ordinal);

        using var script = app.CreateClient();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/v1/network", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/auth/tokens/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/v1/network", Ct)).StatusCode);
        await ProblemAssert.IsProblemAsync(await admin.DeleteAsync($"/api/v1/auth/tokens/{id}", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_token_without_a_name_is_refused()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var admin = await app.CreateClientAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/auth/tokens", new { name = " " }, Ct);
        Assert.Equal("An API token needs a 'name' of 1..64 characters.", await ProblemAssert.DetailAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Login_tokens_expire_and_api_tokens_expire_at_their_own_time()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        await using var app = await OpenCpmApplication.StartAsync(time: time);
        using var client = await app.CreateClientAsync();
        var created = await (await client.PostAsJsonAsync("/api/v1/auth/tokens", new { name = "day", expiresAt = time.GetUtcNow().AddDays(1) }, Ct)).JsonAsync();
        using var script = app.CreateClient();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.GetProperty("token").GetString());

        time.Advance(TokenService.LoginLifetime + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/network", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/v1/network", Ct)).StatusCode);

        time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/v1/network", Ct)).StatusCode);
    }

    [Fact]
    public async Task Passwords_and_tokens_never_reach_the_log()
    {
        await using var app = await OpenCpmApplication.StartAsync(logLevel: "Debug");
        using var client = app.CreateClient();
        await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = "Wrong-Secret-123" }, Ct);
        var token = await OpenCpmApplication.LoginAsync(client, "admin", OpenCpmApplication.AdminPassword);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var apiToken = (await (await client.PostAsJsonAsync("/api/v1/auth/tokens", new { name = "t" }, Ct)).JsonAsync()).GetProperty("token").GetString()!;
        await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = OpenCpmApplication.AdminPassword, newPassword = "Another-Passw0rd" }, Ct);

        Assert.Contains(app.Logs.Entries, e => e.Message.Contains("Failed login for user", StringComparison.Ordinal));
        foreach (var secret in new[] { "Wrong-Secret-123", OpenCpmApplication.AdminPassword, "Another-Passw0rd", token, apiToken })
        {
            Assert.DoesNotContain(app.Logs.Entries, e => e.Message.Contains(secret, StringComparison.Ordinal));
        }
    }

    public static TheoryData<string, string?> Passwords => new()
    {
        { "Abcdefgh1!", null },
        { "abcdefgh12", "The new password must contain at least 3 of: an upper-case letter, a lower-case letter, a digit, a special character." },
        { "Abcdefg1", "The new password must have at least 10 characters." },
        { "Abcdefff1!", "The new password must not repeat the same character more than twice in a row." },
        { "Abcdeff1!x", null },
        { "abcdefgh1!", null },
    };

    [Theory]
    [MemberData(nameof(Passwords))]
    public void Passwords_follow_the_rules_of_the_manual(string password, string? problem)
    {
        Assert.Equal(problem, PasswordPolicy.Check(password));
    }

    [Fact]
    public async Task The_login_body_must_name_user_and_password()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin" }, Ct);
        Assert.Equal("Both 'username' and 'password' must be given.", await ProblemAssert.DetailAsync(response, HttpStatusCode.BadRequest));
    }
}
