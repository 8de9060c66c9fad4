using System.CommandLine;
using OpenCpm.Data;
using OpenCpm.Maintenance;
using OpenCpm.Provisioning;

namespace OpenCpm.Cli;

/// <summary>
/// `opencpm config export FILE.conf` and `opencpm config import FILE.conf` (manual chapter 7) on a data folder. An
/// import needs the controller stopped (or is done through the web UI or POST /api/v1/config/file while it runs).
/// </summary>
internal static class ConfigCommands
{
    public static Command Create()
    {
        var config = new Command("config", "The configuration file of the manual (chapter 7): export it, or import one.");
        config.Subcommands.Add(CreateExport());
        config.Subcommands.Add(CreateImport());
        return config;
    }

    private static Command CreateExport()
    {
        var file = new Argument<string>("FILE.conf") { Description = "The file to write; a folder gets OpenCPM_<serial>.conf (OpenCPM.conf with --generic)." };
        var generic = new Option<bool>("--generic") { Description = "Leave out the per-device entries (serial, charge box identity, stations) to configure other controllers alike." };
        var dataDir = DataFolderOption.Create();
        var command = new Command("export", "Write the controller's configuration file.") { file, generic, dataDir };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            WebApplication app;
            try
            {
                app = await DataFolderHost.OpenAsync(parseResult.GetValue(dataDir), mayCreate: false, cancellationToken);
            }
            catch (ArgumentException e)
            {
                await error.WriteLineAsync($"opencpm config export: {e.Message}");
                return 2;
            }

            await using var host = app;
            var export = await app.Services.GetRequiredService<ConfigurationFileService>().ExportAsync(parseResult.GetValue(generic), cancellationToken);
            var target = parseResult.GetValue(file)!;
            var path = Directory.Exists(target) ? Path.Combine(target, export.FileName) : target;
            try
            {
                await File.WriteAllTextAsync(path, export.Text, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"opencpm config export: {path} could not be written: {e.Message}");
                return 1;
            }

            await parseResult.InvocationConfiguration.Output.WriteLineAsync($"Configuration written to {path}");
            return 0;
        });
        return command;
    }

    private static Command CreateImport()
    {
        var file = new Argument<string>("FILE.conf") { Description = "The configuration file to load (all of it or nothing)." };
        var dataDir = DataFolderOption.Create();
        var command = new Command("import", "Load a configuration file into the (stopped) controller's data folder.") { file, dataDir };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var path = parseResult.GetValue(file)!;
            string text;
            try
            {
                text = await File.ReadAllTextAsync(path, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"opencpm config import: {path} could not be read: {e.Message}");
                return 2;
            }

            await using var app = await DataFolderHost.OpenAsync(parseResult.GetValue(dataDir), mayCreate: true, cancellationToken);
            var data = app.Services.GetRequiredService<StorageOptions>().DataDirectory;
            await using var folderLock = DataFolderLock.TryAcquire(data);
            if (folderLock is null)
            {
                await error.WriteLineAsync(
                    $"opencpm config import: a controller is running on {data}: load the file in its web UI (System › Configuration file) or POST it to /api/v1/config/file, or stop the controller first.");
                return 1;
            }

            var result = await app.Services.GetRequiredService<ConfigurationFileService>()
                .ImportAsync(text, Path.GetFileName(path), ConfigImportSource.CommandLine, Environment.UserName, cancellationToken);
            foreach (var notice in result.Notices.Concat(result.Warnings))
            {
                await output.WriteLineAsync($"note: {notice}");
            }

            if (!result.Applied)
            {
                await error.WriteLineAsync($"opencpm config import: {path} was not loaded, nothing was changed:");
                foreach (var problem in result.Problems)
                {
                    await error.WriteLineAsync($"  {problem}");
                }

                return 2;
            }

            await output.WriteLineAsync($"Configuration loaded from {path}; it takes effect when the controller starts.");
            return 0;
        });
        return command;
    }
}
