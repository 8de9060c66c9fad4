using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenCpm.Cli;
using OpenCpm.Hosting;
using OpenCpm.Protocols.Modbus;
using OpenCpm.Simulation;
using OpenCpm.Tests.Api;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Demo;

/// <summary>
/// `opencpm demo` in-process: the simulated site on unique loopback addresses, the controller's KEBA endpoint on
/// its own unique loopback address (so demos of parallel tests never meet), Kestrel on 127.0.0.1:0, a temp data
/// folder. Disposing stops everything and fails the test if anything was logged as an error.
/// </summary>
internal sealed class DemoApplication : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempDirectory? _ownedDirectory;

    private DemoApplication(WebApplication app, SimulatedSite site, TempDirectory? ownedDirectory, DemoOptions options, RecordingLoggerProvider logs)
    {
        _app = app;
        Site = site;
        _ownedDirectory = ownedDirectory;
        Options = options;
        Logs = logs;
        BaseAddress = new Uri(app.ListeningAddresses()[0]);
    }

    public SimulatedSite Site { get; }

    public DemoOptions Options { get; }

    public RecordingLoggerProvider Logs { get; }

    public Uri BaseAddress { get; }

    public bool ErrorsExpected { get; set; }

    /// <summary>The first-login password the host generated (null when the demo preset one).</summary>
    public string? GeneratedAdminPassword => _app.GeneratedAdminPassword();

    /// <summary>
    /// Starts a demo of <paramref name="stations"/> stations; a null <paramref name="dataDirectory"/> = a fresh owned
    /// temp folder; <paramref name="time"/> = a fake clock for the whole demo (stations, meter and controller).
    /// </summary>
    public static async Task<DemoApplication> StartAsync(
        int stations = 3, int clusters = 0, string? dataDirectory = null, string? csmsUrl = null, string? chargeBoxId = null,
        TimeProvider? time = null, bool generateAdminPassword = false, OpenCpm.Provisioning.SiteFile? siteFile = null,
        IReadOnlyList<string>? hostArgs = null, IReadOnlyList<System.Net.IPAddress>? stationAddresses = null, Action<IServiceCollection>? services = null)
    {
        var owned = dataDirectory is null ? new TempDirectory() : null;
        var isolated = IsolatedOptions(siteFile?.ChargePoints.Count ?? stations, clusters, dataDirectory ?? owned!.Path);
        var options = isolated with
        {
            Site = siteFile,
            CsmsUrl = csmsUrl,
            ChargeBoxId = chargeBoxId,
            AdminPassword = generateAdminPassword ? null : OpenCpmApplication.AdminPassword,
            HostArgs = [.. isolated.HostArgs, .. hostArgs ?? []],
        };
        if (stationAddresses is not null)
        {
            options = options with { StationAddresses = stationAddresses }; // a second run on a data folder: the stations it configured
        }

        var logs = new RecordingLoggerProvider();
        var site = DemoCommand.StartSite(options, time ?? TimeProvider.System);
        try
        {
            var app = DemoCommand.BuildHost(options, site, builder =>
            {
                builder.Logging.AddProvider(logs);
                if (time is not null)
                {
                    builder.Services.AddSingleton(time);
                }

                services?.Invoke(builder.Services);
            });
            await app.StartAsync(TestContext.Current.CancellationToken);
            return new DemoApplication(app, site, owned, options, logs);
        }
        catch
        {
            await site.DisposeAsync();
            owned?.Dispose();
            throw;
        }
    }

    /// <summary>Demo options that keep this demo apart from every other one running at the same time.</summary>
    public static DemoOptions IsolatedOptions(int stations, int clusters, string dataDirectory) => new()
    {
        Stations = stations,
        Clusters = clusters,
        DataDirectory = dataDirectory,
        Urls = "http://127.0.0.1:0",
        AdminPassword = OpenCpmApplication.AdminPassword,
        KebaAddress = FreePort.LoopbackAddress().ToString(),
        StationAddresses = [.. Enumerable.Range(0, stations).Select(_ => FreePort.LoopbackAddress())],
        HostArgs =
        [
            "--Serilog:MinimumLevel:Default=Warning",
            "--Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime=Warning",
            "--Serilog:MinimumLevel:Override:Microsoft.AspNetCore.DataProtection=Error",
            "--WebUi:HttpsPort=0", // a web UI certificate opens HTTPS on a free port
        ],
    };

    public T Service<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public async Task<HttpClient> CreateClientAsync()
    {
        var client = CreateClient();
        var token = await OpenCpmApplication.LoginAsync(client, "admin", OpenCpmApplication.AdminPassword);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>One reading of the simulated grid meter over Modbus TCP, as the controller reads it.</summary>
    public async Task<MeterValues> ReadMeterAsync()
    {
        await using var client = new ModbusTcpClient(new ModbusTcpClientOptions(Site.MeterAddress.ToString(), Site.MeterPort, 1));
        return await new MeterProfileReader(Site.Meter.Profile, client).ReadAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        await Site.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _ownedDirectory?.Dispose();
        var errors = Logs.AtLeast(LogLevel.Error).ToList();
        if (errors.Count > 0 && !ErrorsExpected)
        {
            throw new InvalidOperationException("The demo logged errors: " + string.Join(" | ", errors.Select(e => $"{e.Category}: {e.Message} {e.Exception}")));
        }
    }
}
