using OpenCpm.Data;
using OpenCpm.Hosting;

namespace OpenCpm.Cli;

/// <summary>
/// The controller's services on a data folder, for commands that work on it without running the controller
/// (configuration file, admin recovery): the host is built, its database brought up to date, nothing started.
/// </summary>
internal static class DataFolderHost
{
    public static async Task<WebApplication> OpenAsync(string? dataDirectory, IReadOnlyList<string> hostArgs, CancellationToken cancellationToken)
    {
        var app = ControllerHost.Build(new ControllerOptions
        {
            DataDirectory = dataDirectory,
            HostArgs = ["--Serilog:MinimumLevel:Default=Warning", .. hostArgs],
        });
        try
        {
            await ActivatorUtilities.CreateInstance<StorageInitializer>(app.Services).StartingAsync(cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
