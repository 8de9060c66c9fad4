using System.Globalization;
using Serilog;

namespace OpenCpm.Hosting;

internal static class LoggingExtensions
{
    /// <summary>
    /// Serilog to the console, levels from the "Serilog" section of the host settings, every text value escaped
    /// (<see cref="Security.LogEscapingEnricher"/>); other providers still get every entry.
    /// </summary>
    public static WebApplicationBuilder AddLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(
            (_, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .Enrich.With<Security.LogEscapingEnricher>()
                .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture),
            preserveStaticLogger: true, // each host its own logger: hosts side by side (tests) must not share Log.Logger
            writeToProviders: true);
        return builder;
    }
}
