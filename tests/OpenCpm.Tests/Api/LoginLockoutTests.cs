using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using OpenCpm.Security;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Api;

/// <summary>
/// Issue 9, "accounts and sessions": nobody can lock the admin out. Before, 5 wrong passwords from any address
/// locked the name for every address (and one guess per lock period kept it locked forever), and failed logins with
/// 100 KB user names grew memory and logs without bound.
/// </summary>
public sealed class LoginLockoutTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string user, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { username = user, password }, Ct);

    [Fact]
    public async Task Guesses_from_one_address_lock_that_address_but_not_the_owner_at_another()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var attacker = ClientAt.Create(app.BaseAddress, FreePort.LoopbackAddress());
        using var owner = ClientAt.Create(app.BaseAddress, FreePort.LoopbackAddress());

        for (var i = 0; i < LoginThrottle.FreeFailures; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(attacker, "admin", "guess" + i)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(attacker, "admin", OpenCpmApplication.AdminPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(attacker, "someone-else", "x")).StatusCode); // the address is locked, whatever the name
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(owner, "admin", OpenCpmApplication.AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task Guesses_from_many_addresses_lock_the_name_only_for_addresses_that_failed_and_never_where_the_owner_logged_in()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        var (ownerAddress, newcomerAddress) = (FreePort.LoopbackAddress(), FreePort.LoopbackAddress());
        using var owner = ClientAt.Create(app.BaseAddress, ownerAddress);
        using var newcomer = ClientAt.Create(app.BaseAddress, newcomerAddress);
        var attackers = Enumerable.Range(0, LoginThrottle.FreeFailures + 1).Select(_ => ClientAt.Create(app.BaseAddress, FreePort.LoopbackAddress())).ToList();
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(owner, "admin", OpenCpmApplication.AdminPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(owner, "admin", "a typo")).StatusCode);

        // One guess from each of many addresses: no address reaches its own limit, the name does.
        foreach (var attacker in attackers)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(attacker, "admin", "guess")).StatusCode);
        }

        Assert.All(
            await Task.WhenAll(attackers.Select(a => LoginAsync(a, "admin", "another guess"))),
            r => Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode));
        var throttle = app.Service<LoginThrottle>();
        Assert.Equal((TimeSpan.Zero, TimeSpan.Zero), (throttle.RetryAfter("admin", ownerAddress.ToString()), throttle.RetryAfter("admin", newcomerAddress.ToString())));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(owner, "admin", OpenCpmApplication.AdminPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(newcomer, "admin", OpenCpmApplication.AdminPassword)).StatusCode);
        attackers.ForEach(a => a.Dispose());
    }

    [Fact]
    public async Task A_hundred_kilobyte_user_name_is_refused_unread_and_grows_neither_the_throttle_nor_the_log()
    {
        await using var app = await OpenCpmApplication.StartAsync(logLevel: "Information");
        using var client = app.CreateClient();
        var huge = new string('u', 100_000);

        for (var i = 0; i < 50; i++)
        {
            var response = await LoginAsync(client, huge + (char)('a' + (i % 26)), "x");
            Assert.Equal("'username' may have at most 64 characters but has 100001.", await ProblemAssert.DetailAsync(response, HttpStatusCode.BadRequest));
        }

        Assert.Equal(0, app.Service<LoginThrottle>().TrackedKeys);
        Assert.DoesNotContain(app.Logs.Entries, e => e.Message.Contains(new string('u', 100), StringComparison.Ordinal));
    }

    [Fact]
    public void The_throttle_tables_stay_bounded_whatever_names_and_addresses_fail()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var throttle = new LoginThrottle(time);

        for (var i = 0; i < 3 * LoginThrottle.MaxTrackedKeys; i++)
        {
            throttle.RecordFailure("user" + i, "10.0." + (i / 250) + "." + (i % 250));
            throttle.RecordSuccess("user" + i, "10.1." + (i / 250) + "." + (i % 250));
        }

        Assert.InRange(throttle.TrackedKeys, LoginThrottle.MaxTrackedKeys, 3 * LoginThrottle.MaxTrackedKeys); // addresses, names, known addresses
        Assert.True(throttle.RetryAfter("user" + ((3 * LoginThrottle.MaxTrackedKeys) - 1), "10.1.0.1") == TimeSpan.Zero);
    }

    [Fact]
    public void A_user_name_lock_never_applies_to_an_address_that_did_not_fail()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var throttle = new LoginThrottle(time);
        for (var i = 0; i < 20; i++)
        {
            throttle.RecordFailure("admin", "10.0.0." + i);
            time.Advance(TimeSpan.FromMinutes(10)); // one guess per lock period, forever
        }

        Assert.True(throttle.RetryAfter("admin", "10.0.0.19") > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("admin", "192.168.25.7"));
        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("ADMIN", "192.168.25.7"));
    }
}
