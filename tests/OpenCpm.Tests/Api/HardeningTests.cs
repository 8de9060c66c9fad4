using System.Net;
using System.Net.Http.Json;
using OpenCpm.Data;
using OpenCpm.Hosting;

namespace OpenCpm.Tests.Api;

/// <summary>
/// Issue 9, "hardening", over HTTP and on disk. Before: no security headers, a <c>Server: Kestrel</c> header,
/// login answers cacheable, and the database readable by every user of the machine (0644 in a 0755 folder).
/// </summary>
public sealed class HardeningTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/v1/network")]
    [InlineData("/api/v1/nothing-here")]
    [InlineData("/healthz")]
    [InlineData("/openapi/v1.json")]
    public async Task Every_answer_has_the_security_headers_and_no_server_header(string path)
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();

        var response = await client.GetAsync(path, Ct);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal(HardeningExtensions.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", HardeningExtensions.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"), "no Server header");
    }

    [Fact]
    public async Task Auth_answers_are_never_cached()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = app.CreateClient();

        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = OpenCpmApplication.AdminPassword }, Ct);
        var failed = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = "wrong" }, Ct);
        using var admin = await app.CreateClientAsync();
        var token = await admin.PostAsJsonAsync("/api/v1/auth/tokens", new { name = "script" }, Ct);

        foreach (var response in new[] { login, failed, token, await admin.GetAsync("/api/v1/auth/me", Ct) })
        {
            Assert.True(response.Headers.CacheControl?.NoStore, $"{response.RequestMessage?.RequestUri}: Cache-Control {response.Headers.CacheControl}");
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_database_and_its_folder_are_readable_by_the_owner_only()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var client = await app.CreateClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/network", new { maxCurrentA = 40 }, Ct)).StatusCode);

        const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(Folder, System.IO.File.GetUnixFileMode(app.DataDirectory));
        Assert.Equal(Folder, System.IO.File.GetUnixFileMode(Path.Combine(app.DataDirectory, "keys")));
        var database = Path.Combine(app.DataDirectory, StorageOptions.DatabaseFileName);
        Assert.All(
            Directory.GetFiles(app.DataDirectory, StorageOptions.DatabaseFileName + "*"),
            path => Assert.True(File == System.IO.File.GetUnixFileMode(path), $"{path}: {System.IO.File.GetUnixFileMode(path)}"));
        Assert.Contains(database, Directory.GetFiles(app.DataDirectory));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : null;
}
