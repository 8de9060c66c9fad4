using OpenCpm.Data;
using OpenCpm.Hosting;

namespace OpenCpm.Cli;

/// <summary>
/// The controller's services on a data folder, for commands that work on it without running the controller
/// (configuration file, admin recovery): the host is built, its database brought up to date, nothing started.
/// Unless <c>mayCreate</c> (a configuration loaded into a controller before its first start), the folder must hold a
/// controller's database: a mistyped folder is an error, not a new empty controller.
/// </summary>
internal static class DataFolderHost
{
    public static async Task<WebApplication> OpenAsync(string? dataDirectory, bool mayCreate, CancellationToken cancellationToken)
    {
        var app = ControllerHost.Build(new ControllerOptions
        {
            DataDirectory = dataDirectory,
            HostArgs = ["--Serilog:MinimumLevel:Default=Warning"],
        });
        try
        {
            var storage = app.Services.GetRequiredService<StorageOptions>();
            if (!mayCreate && !File.Exists(storage.DatabasePath))
            {
                throw new ArgumentException($"{storage.DataDirectory} holds no controller data (no {StorageOptions.DatabaseFileName}); give the controller's folder with --data-dir.");
            }

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
