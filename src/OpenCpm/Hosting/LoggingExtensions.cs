using System.Globalization;
using OpenCpm.Maintenance;
using Serilog;

namespace OpenCpm.Hosting;

internal static class LoggingExtensions
{
    /// <summary>
    /// Serilog to the console and to daily rolling files in the data folder's <c>logs</c> folder (downloaded from
    /// System › Logging), levels from the "Serilog" section of the host settings, the default level behind a switch
    /// (<see cref="HostLogging"/>) that can raise it to Debug for a while; every text value escaped
    /// (<see cref="Security.LogEscapingEnricher"/>); other providers still get every entry.
    /// </summary>
    public static WebApplicationBuilder AddLogging(this WebApplicationBuilder builder, string dataDirectory)
    {
        builder.Logging.ClearProviders();
        // Serilog takes the level as "MinimumLevel": "Debug" or as "MinimumLevel": { "Default": "Debug" }.
        var logging = HostLogging.For(dataDirectory, builder.Configuration["Serilog:MinimumLevel:Default"] ?? builder.Configuration["Serilog:MinimumLevel"]);
        builder.Services.AddSingleton(logging);
        builder.Services.AddSerilog(
            (_, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .Enrich.With<Security.LogEscapingEnricher>()
                .MinimumLevel.ControlledBy(logging.Switch)
                .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture)
                .WriteTo.File(
                    Path.Combine(logging.Folder, HostLogging.FilePattern),
                    formatProvider: CultureInfo.InvariantCulture,
                    fileSizeLimitBytes: HostLogging.MaxFileBytes,
                    rollingInterval: RollingInterval.Day,
                    rollOnFileSizeLimit: true,
                    retainedFileCountLimit: HostLogging.RetainedFiles),
            preserveStaticLogger: true, // each host its own logger: hosts side by side (tests) must not share Log.Logger
            writeToProviders: true);
        return builder;
    }
}
