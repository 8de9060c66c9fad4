using System.CommandLine;
using OpenCpm.Updates;

namespace OpenCpm.Cli;

/// <summary>`opencpm update pack`: makes a signed update package from an application folder (the release machine's step, docs/provisioning.md).</summary>
internal static class UpdateCommands
{
    public static Command Create()
    {
        var update = new Command("update", "Software update packages.");
        var folder = new Argument<string>("FOLDER") { Description = "The application folder to pack (e.g. the output of dotnet publish)." };
        var version = new Option<string>("--version") { Description = "The package's version, MAJOR.MINOR.PATCH.", Required = true };
        var key = new Option<string>("--key") { Description = "The release's private ECDSA P-256 key (PEM).", Required = true };
        var output = new Option<string>("--output") { Description = "The package file to write (default opencpm-VERSION.ocpu)." };
        var pack = new Command("pack", "Make a signed update package from an application folder.") { folder, version, key, output };
        pack.SetAction(async (parseResult, cancellationToken) =>
        {
            var v = parseResult.GetValue(version)!;
            var path = parseResult.GetValue(output) ?? $"opencpm-{v}.ocpu";
            try
            {
                using var privateKey = UpdateSignature.LoadKey(parseResult.GetValue(key)!);
                var manifest = await UpdatePackageWriter.WriteAsync(parseResult.GetValue(folder)!, v, privateKey, path, include: null, cancellationToken);
                await parseResult.InvocationConfiguration.Output.WriteLineAsync($"{path}: OpenCPM {v}, {manifest.Files.Count} files, signed.");
                return 0;
            }
            catch (Exception e) when (e is UpdatePackageException or IOException or UnauthorizedAccessException)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"opencpm update pack: {e.Message}");
                return 2;
            }
        });
        update.Subcommands.Add(pack);
        return update;
    }
}
