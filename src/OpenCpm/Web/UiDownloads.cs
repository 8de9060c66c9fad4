using OpenCpm.Maintenance;
using OpenCpm.Provisioning;
using OpenCpm.Security;

namespace OpenCpm.Web;

/// <summary>
/// Files the web UI's pages offer as plain links (signed in with the UI's cookie), so the browser saves them as it
/// reads them however large: the log archive (System › Logging) and the configuration file (Configuration ›
/// Configuration file). The REST API has the same files under /api/v1.
/// </summary>
internal static class UiDownloads
{
    public const string Logs = "/ui/downloads/logs";

    public const string ConfigurationFile = "/ui/downloads/configuration";

    public static IEndpointRouteBuilder MapUiDownloads(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/ui/downloads").RequireAuthorization(UiAuthentication.Policy).ExcludeFromDescription();
        group.MapGet("/logs", (LogArchive archive, CancellationToken cancellationToken) =>
            TypedResults.Stream(stream => archive.WriteAsync(stream, cancellationToken), LogArchive.ContentType, archive.FileName));
        group.MapGet("/configuration", async (ConfigurationFileService files, CancellationToken cancellationToken, bool generic = false) =>
        {
            var file = await files.ExportAsync(generic, cancellationToken);
            return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(file.Text), "text/plain; charset=utf-8", file.FileName);
        });
        return app;
    }
}
