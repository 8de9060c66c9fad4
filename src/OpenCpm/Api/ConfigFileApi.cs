using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpm.Core.Configuration;
using OpenCpm.Provisioning;
using OpenCpm.Security;

namespace OpenCpm.Api;

/// <summary>/api/v1/config/file: the configuration file of the manual (chapter 7) as text/plain, out and in.</summary>
internal static class ConfigFileApi
{
    public static RouteGroupBuilder MapConfigFileApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/config/file").WithTags("Configuration file");
        group.MapGet("/", ExportAsync).WithName("ExportConfigFile")
            .WithSummary("The configuration as an INI file named after the controller's serial (secrets empty); generic=true leaves out the per-device entries.");
        group.MapPost("/", ImportAsync).WithName("ImportConfigFile")
            .WithSummary("Loads an INI file (text/plain body) all or nothing: 400 with every problem by line and variable; unknown variables are reported and ignored.");
        return api;
    }

    private static async Task<FileContentHttpResult> ExportAsync(ConfigurationFileService files, CancellationToken cancellationToken, bool generic = false)
    {
        var file = await files.ExportAsync(generic, cancellationToken);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(file.Text), "text/plain; charset=utf-8", file.FileName);
    }

    private static async Task<Results<Ok<ConfigImportResult>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, ConfigurationFileService files, ClaimsPrincipal user, CancellationToken cancellationToken, string? fileName = null)
    {
        var text = await RequestText.ReadAsync(request, IniConfigFile.MaxLength, cancellationToken);
        if (text is null)
        {
            return ApiProblems.BadRequest(FormattableString.Invariant($"The configuration file is larger than {IniConfigFile.MaxLength} bytes."));
        }

        var result = await files.ImportAsync(text, fileName, ConfigImportSource.Api, user.UserName(), cancellationToken);
        return result.Applied
            ? TypedResults.Ok(result)
            : TypedResults.Problem(
                detail: string.Join(" ", result.Problems),
                statusCode: StatusCodes.Status400BadRequest,
                title: "Configuration file not loaded",
                extensions: new Dictionary<string, object?> { ["errors"] = result.Problems, ["notices"] = result.Notices });
    }
}
