using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OpenCpm.Hosting;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Api;

/// <summary>
/// The real controller host (ControllerHost.Build, Kestrel on 127.0.0.1:0) on a temp data folder, one per test.
/// (Not a WebApplicationFactory: Program is a System.CommandLine entry point, so the host is built directly.)
/// Disposing it stops the host and fails the test if anything was logged as an error.
/// </summary>
internal sealed class OpenCpmApplication : IAsyncDisposable
{
    public const string AdminPassword = "Test-Passw0rd!";

    private readonly WebApplication _app;
    private readonly TempDirectory? _ownedDirectory;

    private OpenCpmApplication(WebApplication app, TempDirectory? ownedDirectory, string dataDirectory, RecordingLoggerProvider logs, Uri baseAddress)
    {
        _app = app;
        _ownedDirectory = ownedDirectory;
        DataDirectory = dataDirectory;
        Logs = logs;
        BaseAddress = baseAddress;
    }

    public string DataDirectory { get; }

    public RecordingLoggerProvider Logs { get; }

    public Uri BaseAddress { get; }

    /// <summary>Errors the test expects (so disposing does not fail on them).</summary>
    public bool ErrorsExpected { get; set; }

    public string? GeneratedAdminPassword => _app.GeneratedAdminPassword();

    /// <summary>
    /// Starts a host. <paramref name="dataDirectory"/> null = a fresh temp folder owned (and deleted) by this instance;
    /// <paramref name="adminPassword"/> null = let the host generate the first-login password.
    /// </summary>
    public static async Task<OpenCpmApplication> StartAsync(
        string? dataDirectory = null,
        string? adminPassword = AdminPassword,
        FakeTimeProvider? time = null,
        string logLevel = "Warning",
        System.Net.IPAddress? kebaAddress = null,
        Action<IServiceCollection>? services = null,
        IReadOnlyList<string>? hostArgs = null)
    {
        var owned = dataDirectory is null ? new TempDirectory() : null;
        var directory = dataDirectory ?? owned!.Path;
        var logs = new RecordingLoggerProvider();
        var app = ControllerHost.Build(new ControllerOptions
        {
            DataDirectory = directory,
            Urls = "http://127.0.0.1:0",
            AdminPassword = adminPassword,
            HostArgs =
            [
                $"--Serilog:MinimumLevel:Default={logLevel}",
                $"--Serilog:MinimumLevel:Override:Microsoft.AspNetCore={logLevel}",
                "--Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime=Warning",
                "--Serilog:MinimumLevel:Override:Microsoft.AspNetCore.DataProtection=Error",
                $"--Keba:Address={kebaAddress ?? FreePort.LoopbackAddress()}",
                .. hostArgs ?? [],
            ],
            ConfigureServices = builder =>
            {
                builder.Logging.AddProvider(logs);
                if (time is not null)
                {
                    builder.Services.AddSingleton<TimeProvider>(time);
                }

                services?.Invoke(builder.Services);
            },
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new OpenCpmApplication(app, owned, directory, logs, new Uri(app.ListeningAddresses()[0]));
    }

    public T Service<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    /// <summary>A client that logged in as admin and carries the bearer token.</summary>
    public async Task<HttpClient> CreateClientAsync(string user = "admin", string password = AdminPassword)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync(client, user, password));
        return client;
    }

    public static async Task<string> LoginAsync(HttpClient client, string user, string password)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = user, password }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<LoginBody>(TestContext.Current.CancellationToken);
        return body!.Token;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _ownedDirectory?.Dispose();
        var errors = Logs.AtLeast(LogLevel.Error).ToList();
        if (errors.Count > 0 && !ErrorsExpected)
        {
            throw new InvalidOperationException("The host logged errors: " + string.Join(" | ", errors.Select(e => $"{e.Category}: {e.Message} {e.Exception}")));
        }
    }

    internal sealed record LoginBody(string Token, DateTimeOffset? ExpiresAt, bool MustChangePassword);
}
