using System.CommandLine;
using OpenCpm.Maintenance;
using OpenCpm.Provisioning;

namespace OpenCpm.Cli;

/// <summary>
/// <c>opencpm site apply FILE</c> and <c>opencpm site export [FILE]</c>: the whole site as one JSON file
/// (<see cref="SiteFile"/>, docs/commissioning.md) on a data folder. Applying needs the controller stopped (a running
/// one takes the same file with PUT /api/v1/site); it may come before the first start.
/// </summary>
internal static class SiteCommands
{
    public static Command Create()
    {
        var site = new Command("site", "The whole site (limits, clusters, charge points, meter, authorization) as one JSON file: apply one, or export the site.");
        site.Subcommands.Add(CreateApply());
        site.Subcommands.Add(CreateExport());
        return site;
    }

    private static Command CreateApply()
    {
        var file = new Argument<string>("FILE.json") { Description = "The site file (docs/commissioning.md): validated as a whole and applied all or nothing." };
        var dataDir = DataFolderOption.Create();
        var command = new Command("apply", "Replace the (stopped) controller's site with the file: network limits, clusters, charge points, meter, authorization.") { file, dataDir };
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
                await error.WriteLineAsync($"opencpm site apply: {path} could not be read: {e.Message}");
                return 2;
            }

            var (siteFile, problem) = SiteFile.Parse(text);
            if (siteFile is null)
            {
                await error.WriteLineAsync($"opencpm site apply: {path} is not a site file, nothing was changed: {problem}");
                return 2;
            }

            await using var app = await DataFolderHost.OpenAsync(parseResult.GetValue(dataDir), mayCreate: true, cancellationToken);
            var data = app.Services.GetRequiredService<Data.StorageOptions>().DataDirectory;
            await using var folderLock = DataFolderLock.TryAcquire(data);
            if (folderLock is null)
            {
                await error.WriteLineAsync(
                    $"opencpm site apply: a controller is running on {data}: send it the file with `curl -X PUT -H \"Authorization: Bearer $TOKEN\" -H \"Content-Type: application/json\" --data-binary @{path} http://HOST:8080/api/v1/site`, or stop the controller first.");
                return 1;
            }

            var outcome = await app.Services.GetRequiredService<SiteFileService>().ApplyAsync(siteFile, Environment.UserName, cancellationToken);
            if (!outcome.IsSaved)
            {
                await error.WriteLineAsync($"opencpm site apply: {path} was not applied, nothing was changed:");
                foreach (var reason in outcome.Errors)
                {
                    await error.WriteLineAsync($"  {reason}");
                }

                return 2;
            }

            foreach (var warning in outcome.Warnings)
            {
                await output.WriteLineAsync($"warning: {warning}");
            }

            await output.WriteLineAsync($"Site applied from {path}: {siteFile.ChargePoints.Count} charge point(s), {siteFile.Clusters.Count} cluster(s); it takes effect when the controller starts.");
            return 0;
        });
        return command;
    }

    private static Command CreateExport()
    {
        var file = new Argument<string?>("FILE.json") { Description = "The file to write (default: standard output).", Arity = ArgumentArity.ZeroOrOne };
        var dataDir = DataFolderOption.Create();
        var command = new Command("export", "Write the controller's site as a site file (the format `opencpm site apply` and `opencpm demo --site` take).") { file, dataDir };
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
                await error.WriteLineAsync($"opencpm site export: {e.Message}");
                return 2;
            }

            await using var host = app;
            var json = (await app.Services.GetRequiredService<SiteFileService>().ExportAsync(cancellationToken)).ToJson();
            if (parseResult.GetValue(file) is not { } path)
            {
                await parseResult.InvocationConfiguration.Output.WriteLineAsync(json);
                return 0;
            }

            try
            {
                await File.WriteAllTextAsync(path, json + Environment.NewLine, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"opencpm site export: {path} could not be written: {e.Message}");
                return 1;
            }

            await parseResult.InvocationConfiguration.Output.WriteLineAsync($"Site written to {path}");
            return 0;
        });
        return command;
    }
}
