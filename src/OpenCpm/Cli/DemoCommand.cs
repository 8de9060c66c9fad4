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
        var siteFile = new Option<FileInfo?>("--site")
        {
            Description = "Try a real site's file (docs/commissioning.md) on simulators: one simulated station per charge point, wired as the file says, and a simulated meter; replaces --stations and --clusters.",
        };
        var hostSettings = new HostSettingOptions();
        var command = new Command("demo", "Run the controller with a simulated site: KEBA stations on loopback UDP, a Modbus TCP grid meter, /api/v1/sim to drive it.");
        foreach (var option in new Option[] { stations, clusters, siteFile, dataDir, urls, adminPassword, csmsUrl, chargeBoxId })
        {
            command.Options.Add(option);
        }

        hostSettings.AddTo(command);

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            Provisioning.SiteFile? site = null;
            if (parseResult.GetValue(siteFile) is { } file)
            {
                if (parseResult.GetResult(stations) is { Implicit: false } || parseResult.GetResult(clusters) is { Implicit: false })
                {
                    await error.WriteLineAsync("opencpm demo: --site gives the stations and clusters; leave out --stations and --clusters.");
                    return 2;
                }

                site = await ReadSiteAsync(file, error, cancellationToken);
                if (site is null)
                {
                    return 2;
                }
            }

            return await RunAsync(
                new DemoOptions
                {
                    Site = site,
                    Stations = site?.ChargePoints.Count ?? parseResult.GetValue(stations),
                    Clusters = site is null ? parseResult.GetValue(clusters) : 0,
                    DataDirectory = parseResult.GetValue(dataDir),
                    Urls = parseResult.GetValue(urls),
                    AdminPassword = parseResult.GetValue(adminPassword),
                    CsmsUrl = parseResult.GetValue(csmsUrl),
                    ChargeBoxId = parseResult.GetValue(chargeBoxId),
                    HostArgs = hostSettings.HostArgs(parseResult),
                },
                parseResult.InvocationConfiguration.Output,
                error,
                cancellationToken);
        });
        return command;
    }

    /// <summary>The site file for --site, or null after saying on <paramref name="error"/> what is wrong with it.</summary>
    private static async Task<Provisioning.SiteFile?> ReadSiteAsync(FileInfo file, TextWriter error, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(file.FullName, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"opencpm demo: {file.FullName} could not be read: {e.Message}");
            return null;
        }

        var (site, problem) = Provisioning.SiteFile.Parse(text);
        if (site is null)
        {
            await error.WriteLineAsync($"opencpm demo: {file.Name} is not a site file: {problem}");
            return null;
        }

        if (site.ChargePoints.Count == 0)
        {
            await error.WriteLineAsync($"opencpm demo: {file.Name} has no charge points to simulate.");
            return null;
        }

        return site;
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
        var siteOptions = options.Site is { } file
            ? new SimulatedSiteOptions { Stations = DemoSiteFile.Stations(file, options.StationAddresses), MeterProfileId = DemoSiteFile.MeterProfileId(file) }
            : options.StationAddresses is { } addresses
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
