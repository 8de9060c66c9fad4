using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using OpenCpm.Api;
using OpenCpm.Hosting;
using OpenCpm.Simulation;

namespace OpenCpm.Cli;

/// <summary>
/// `opencpm demo`: the full controller plus a simulated site — N simulated KEBA P30 stations speaking UDP on
/// 127.0.0.11… and a grid meter speaking Modbus TCP on 127.0.0.1 — with /api/v1/sim to drive it.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var stations = new Option<int>("--stations") { Description = "Number of simulated KEBA P30 stations.", DefaultValueFactory = _ => DemoOptions.DefaultStations };
        var clusters = new Option<int>("--clusters") { Description = "Spread the charge points over this many clusters (0 = none)." };
        var dataDir = new Option<string?>("--data-dir") { Description = "Folder of the SQLite database (default: a fresh temp folder)." };
        var urls = new Option<string?>("--urls") { Description = $"Where the web UI and API listen (default {ControllerOptions.DefaultUrls})." };
        var adminPassword = new Option<string?>("--admin-password") { Description = "Presets the password of user 'admin' (no forced change), for scripts." };
        var csmsUrl = new Option<string?>("--csms-url") { Description = "Connect to this OCPP backend (ws:// or wss://)." };
        var chargeBoxId = new Option<string?>("--charge-box-id") { Description = "The controller's charge box id at the OCPP backend." };
        var hostSettings = new HostSettingOptions();
        var command = new Command("demo", "Run the controller with a simulated site: KEBA stations on loopback UDP, a Modbus TCP grid meter, /api/v1/sim to drive it.");
        foreach (var option in new Option[] { stations, clusters, dataDir, urls, adminPassword, csmsUrl, chargeBoxId })
        {
            command.Options.Add(option);
        }

        hostSettings.AddTo(command);

        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new DemoOptions
            {
                Stations = parseResult.GetValue(stations),
                Clusters = parseResult.GetValue(clusters),
                DataDirectory = parseResult.GetValue(dataDir),
                Urls = parseResult.GetValue(urls),
                AdminPassword = parseResult.GetValue(adminPassword),
                CsmsUrl = parseResult.GetValue(csmsUrl),
                ChargeBoxId = parseResult.GetValue(chargeBoxId),
                HostArgs = hostSettings.HostArgs(parseResult),
            },
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    /// <summary>Starts the simulated site and the controller, prints where to go, runs until stopped.</summary>
    public static async Task<int> RunAsync(DemoOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (options.Problem() is { } problem)
        {
            await error.WriteLineAsync($"opencpm demo: {problem}");
            return 2;
        }

        // A fresh temp folder unless --data-dir was given; the demo removes its own folder when it ends.
        var ownsDataDirectory = options.DataDirectory is null;
        options = options with { DataDirectory = options.DataDirectory ?? NewTempDirectory() };
        try
        {
            SimulatedSite site;
            try
            {
                site = StartSite(options, TimeProvider.System);
            }
            catch (SocketException e)
            {
                await error.WriteLineAsync($"opencpm demo: {BindFailure(e, options)}");
                return 1;
            }

            await using (site)
            {
                return await HostLifetime.RunAsync(
                    "opencpm demo",
                    () => BuildHost(options, site),
                    app => PrintAsync(app, site, output, cancellationToken),
                    error,
                    cancellationToken,
                    restartInProcess: true);
            }
        }
        finally
        {
            if (ownsDataDirectory)
            {
                RemoveDataDirectory(options.DataDirectory!);
            }
        }
    }

    private static void RemoveDataDirectory(string directory)
    {
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind in the temp folder; nothing depends on it.
        }
    }

    /// <summary>Starts the simulated stations and meter (throws <see cref="SocketException"/> when an address can't be bound).</summary>
    public static SimulatedSite StartSite(DemoOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var siteOptions = options.StationAddresses is { } addresses
            ? SimulatedSiteOptions.WithStations(addresses)
            : SimulatedSiteOptions.WithStations(options.Stations);
        return SimulatedSite.Start(siteOptions, timeProvider, loggerFactory);
    }

    /// <summary>
    /// The controller host with the simulated site as a service, the demo's settings written at start, and
    /// /api/v1/sim. <paramref name="configure"/> adds services after the demo's (tests: loggers, clocks).
    /// </summary>
    public static WebApplication BuildHost(DemoOptions options, SimulatedSite site, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(site);
        if (options.DataDirectory is null)
        {
            throw new ArgumentException("The demo host needs a data folder.", nameof(options));
        }

        return ControllerHost.Build(new ControllerOptions
        {
            DataDirectory = options.DataDirectory,
            Urls = options.Urls,
            AdminPassword = options.AdminPassword,
            HostArgs = [$"--Keba:Address={options.KebaAddress}", .. options.HostArgs],
            ConfigureServices = builder =>
            {
                builder.Services.AddSingleton(site);
                builder.Services.AddSingleton(options);
                builder.Services.AddHostedService<DemoSeeder>();
                configure?.Invoke(builder);
            },
            MapApiExtensions = api => api.MapSimApi(),
        });
    }

    private static async Task PrintAsync(WebApplication app, SimulatedSite site, TextWriter output, CancellationToken cancellationToken)
    {
        foreach (var address in app.ListeningAddresses())
        {
            await output.WriteLineAsync($"Web UI: {address}");
        }

        await output.WriteLineAsync($"Data folder: {app.Services.GetRequiredService<Data.StorageOptions>().DataDirectory}");
        var stations = site.Stations;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Simulated site: {stations.Count} KEBA P30 station(s) on UDP {stations[0].Address}{(stations.Count > 1 ? $"…{stations[^1].Address}" : "")}:7090, grid meter {site.Meter.Profile.Id} on Modbus TCP {site.MeterAddress}:{site.MeterPort}"));
        if (app.GeneratedAdminPassword() is { } password)
        {
            await output.WriteLineAsync($"First login: user admin, password {password}");
        }

        if (app.GeneratedRecoveryKey() is { } key)
        {
            await output.WriteLineAsync($"Recovery key: {key} (resets a forgotten admin password; shown only now)");
        }

        await output.FlushAsync(cancellationToken);
    }

    private static string BindFailure(SocketException e, DemoOptions options)
    {
        var first = options.StationAddresses is [var a, ..] ? a : Simulation.Site.StationSetup.DefaultAddress(0);
        return e.SocketErrorCode switch
        {
            SocketError.AddressNotAvailable =>
                $"this system cannot bind the loopback addresses from {first} up that the simulated stations need (on macOS only 127.0.0.1 exists unless you add aliases, e.g. `sudo ifconfig lo0 alias {first}`).",
            SocketError.AddressAlreadyInUse =>
                $"UDP port 7090 on the simulated stations' addresses (from {first} up) is already in use; is another `opencpm demo` running?",
            _ => $"the simulated site could not start: {e.Message}",
        };
    }

    private static string NewTempDirectory() =>
        Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"opencpm-demo-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}"));
}
