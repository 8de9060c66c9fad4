using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpm.Provisioning;
using OpenCpm.Security;

namespace OpenCpm.Api;

/// <summary>
/// /api/v1/site: the whole site as one file (<see cref="SiteFile"/>; docs/commissioning.md) — GET writes it, PUT
/// replaces the network, clusters, charge points, meter and authorization with it, validated as a whole, all or nothing.
/// </summary>
internal static class SiteApi
{
    /// <summary>A site of 250 charge points is about 120 kB; a file many times larger is not a site.</summary>
    public const int MaxFileBytes = 2 * 1024 * 1024;

    public static RouteGroupBuilder MapSiteApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/site").WithTags("Site file");
        group.MapGet("/", ExportAsync).WithName("ExportSiteFile")
            .WithSummary("The whole site as one JSON file: network limits, clusters, charge points, meter, authorization (the file `opencpm site apply` takes).");
        group.MapPut("/", ApplyAsync).WithName("ApplySiteFile").Accepts<SiteFile>("application/json")
            .WithSummary("Replaces the whole site with the file, all or nothing: 400 with every reason when the site would be invalid (unknown fields are refused).");
        return api;
    }

    private static async Task<Ok<SiteFile>> ExportAsync(SiteFileService files, CancellationToken cancellationToken) =>
        TypedResults.Ok(await files.ExportAsync(cancellationToken));

    private static async Task<Results<Ok<SiteFileResult>, ProblemHttpResult>> ApplyAsync(
        HttpRequest request, SiteFileService files, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var text = await RequestText.ReadAsync(request, MaxFileBytes, cancellationToken);
        if (text is null)
        {
            return ApiProblems.BadRequest(string.Create(CultureInfo.InvariantCulture, $"The site file is larger than {MaxFileBytes} bytes."));
        }

        var (file, problem) = SiteFile.Parse(text);
        if (file is null)
        {
            return ApiProblems.BadRequest(problem!);
        }

        var outcome = await files.ApplyAsync(file, user.UserName(), cancellationToken);
        return outcome.IsSaved
            ? TypedResults.Ok(new SiteFileResult(file.ChargePoints.Count, file.Clusters.Count, outcome.Warnings))
            : ApiProblems.From(outcome);
    }
}
