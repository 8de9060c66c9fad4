using System.CommandLine;
using OpenCpm.Hosting;

namespace OpenCpm.Cli;

/// <summary>`opencpm run`: the controller for a real site (no simulators).</summary>
internal static class RunCommand
{
    /// <summary>Where `opencpm run` puts the recovery key drawn at the first start (owner-only).</summary>
    public const string RecoveryKeyFileName = Security.RecoveryKeys.KeyFileName;

    /// <summary>What `opencpm run` says once at start while no charging station is configured.</summary>
    public const string NextStep =
        "No charging stations are configured yet. Next: describe the site (limits, clusters, stations, meter, authorization) in one JSON file "
        + "and send it with `curl -X PUT -H \"Authorization: Bearer $TOKEN\" -H \"Content-Type: application/json\" --data-binary @site.json http://HOST:PORT/api/v1/site` "
        + "(or stop the controller and run `opencpm site apply site.json`), try it first with `opencpm demo --site site.json`, "
        + "or add the stations in the web UI (Charging network). docs/commissioning.md shows every step.";

    public static Command Create()
    {
        var dataDir = new Option<string?>("--data-dir")
        {
            Description = "Folder of the SQLite database (default: OpenCpm:DataDirectory from the settings, else ~/.local/share/opencpm).",
        };
        var urls = new Option<string?>("--urls")
        {
            Description = $"Where the web UI and API listen (default {ControllerOptions.DefaultUrls}).",
        };
        var adminPassword = new Option<string?>("--admin-password")
        {
            Description = "Presets the password of the first user 'admin' (no forced change); used only when no user exists yet.",
        };
        var hostSettings = new HostSettingOptions();
        var command = new Command("run", "Run the controller for a real site: load management, stations, meter, web UI and REST API.");
        command.Options.Add(dataDir);
        command.Options.Add(urls);
        command.Options.Add(adminPassword);
        hostSettings.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new ControllerOptions
            {
                DataDirectory = parseResult.GetValue(dataDir),
                Urls = parseResult.GetValue(urls),
                AdminPassword = parseResult.GetValue(adminPassword),
                HostArgs = hostSettings.HostArgs(parseResult),
            },
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    /// <summary>Starts the host, prints where it listens (and the first-login password), runs until stopped.</summary>
    public static async Task<int> RunAsync(ControllerOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (options.AdminPassword is { } preset && Security.PasswordPolicy.Check(preset) is { } problem)
        {
            await error.WriteLineAsync($"opencpm: --admin-password is not valid: {problem.Replace("The new password", "it", StringComparison.Ordinal)}");
            return 2;
        }

        // An update to this version that never came up is rolled back before anything else happens.
        if (Updates.UpdateGuard.BeforeStart(options.HostArgs, error, TimeProvider.System) is { } rolledBack)
        {
            return rolledBack;
        }

        return await HostLifetime.RunAsync("opencpm", () => ControllerHost.Build(options), AnnounceAsync, error, cancellationToken);

        async Task AnnounceAsync(WebApplication app)
        {
            foreach (var address in app.ListeningAddresses())
            {
                await output.WriteLineAsync($"Web UI: {address}");
            }

            await output.WriteLineAsync($"Data folder: {app.Services.GetRequiredService<Data.StorageOptions>().DataDirectory}");
            if (app.GeneratedAdminPassword() is { } password)
            {
                await output.WriteLineAsync($"First login: user admin, password {password}");
            }

            if (app.GeneratedRecoveryKey() is { } key)
            {
                // Never on the console (it ends up in the system journal): in a file only the owner can read.
                var path = Path.Combine(app.Services.GetRequiredService<Data.StorageOptions>().DataDirectory, RecoveryKeyFileName);
                Security.RecoveryKeys.WriteOwnerOnly(path, key + "\n");
                await output.WriteLineAsync($"Recovery key: written to {path} (readable only by you); keep it somewhere safe for the product's life, then delete the file.");
            }

            var site = await app.Services.GetRequiredService<Settings.SettingsService>().GetSiteAsync(cancellationToken);
            if (site.ChargePoints.Count == 0)
            {
                await output.WriteLineAsync(NextStep);
            }

            await output.FlushAsync(cancellationToken);
        }
    }
}
