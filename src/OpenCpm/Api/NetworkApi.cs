using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Security;
using OpenCpm.Settings;

namespace OpenCpm.Api;

/// <summary>
/// /api/v1/network: site limits, clusters and charge point parameters. Every change is an edit of the network as it
/// is at that moment, validated as a whole before anything is saved (<see cref="SettingsService.UpdateSiteAsync"/>).
/// </summary>
internal static class NetworkApi
{
    public static RouteGroupBuilder MapNetworkApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/network").WithTags("Charging network");
        group.MapGet("/", GetSiteAsync).WithName("GetNetworkSettings").WithSummary("Site limits: max/min current, unbalanced-load limit, clusters enabled, rotation.");
        group.MapPut("/", PutSiteAsync).WithName("PutNetworkSettings").WithSummary("Replaces the site limits (400 with the reasons if the site would be invalid).");
        group.MapGet("/clusters", GetClustersAsync).WithName("GetClusters").WithSummary("The clusters (at most 15).");
        group.MapPut("/clusters", PutClustersAsync).WithName("PutClusters").WithSummary("Replaces all clusters.");
        group.MapGet("/chargepoints", ListChargePointsAsync).WithName("ListChargePointSettings").WithSummary("Every charge point's installation and parameters.");
        group.MapPut("/chargepoints", PutChargePointsAsync).WithName("PutChargePointSettingsBulk")
            .WithSummary("Adds or replaces several charge points at once (all or nothing), e.g. when commissioning a whole site.");
        group.MapGet("/chargepoints/{id}", GetChargePointAsync).WithName("GetChargePointSettings").WithSummary("One charge point's installation and parameters.");
        group.MapPut("/chargepoints/{id}", PutChargePointAsync).WithName("PutChargePointSettings").WithSummary("Adds or replaces one charge point.");
        group.MapDelete("/chargepoints/{id}", DeleteChargePointAsync).WithName("DeleteChargePoint").WithSummary("Removes a charge point from the site.");
        return api;
    }

    private static async Task<Ok<NetworkSettingsDto>> GetSiteAsync(SettingsService settings, CancellationToken cancellationToken)
    {
        var site = await settings.GetSiteAsync(cancellationToken);
        return TypedResults.Ok(NetworkSettingsDto.From(site.Site, site.Validate().Warnings));
    }

    private static async Task<Results<Ok<NetworkSettingsDto>, ProblemHttpResult>> PutSiteAsync(
        NetworkSettingsDto body, SettingsService settings, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var outcome = await settings.UpdateSiteAsync(site => site.WithLimits(body.ApplyTo(site.Site)), user.UserName(), "the charging network settings", cancellationToken);
        return outcome.IsSaved ? TypedResults.Ok(NetworkSettingsDto.From(outcome.Value!.Site, outcome.Warnings)) : ApiProblems.From(outcome);
    }

    private static async Task<Ok<ClusterDto[]>> GetClustersAsync(SettingsService settings, CancellationToken cancellationToken) =>
        TypedResults.Ok((await settings.GetSiteAsync(cancellationToken)).Site.Clusters.Select(ClusterDto.From).ToArray());

    private static async Task<Results<Ok<ClusterDto[]>, ProblemHttpResult>> PutClustersAsync(
        ClusterDto?[] body, SettingsService settings, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (NullEntry(body, "Cluster") is { } problem)
        {
            return ApiProblems.BadRequest(problem);
        }

        var outcome = await settings.UpdateSiteAsync(
            site => site.WithLimits(site.Site with { Clusters = [.. body.Select(c => c!.ToSettings())] }), user.UserName(), "the clusters", cancellationToken);
        return outcome.IsSaved ? TypedResults.Ok(outcome.Value!.Site.Clusters.Select(ClusterDto.From).ToArray()) : ApiProblems.From(outcome);
    }

    private static async Task<Ok<ChargePointSettingsDto[]>> ListChargePointsAsync(SettingsService settings, CancellationToken cancellationToken) =>
        TypedResults.Ok((await settings.GetSiteAsync(cancellationToken)).ChargePoints.Select(ChargePointSettingsDto.From).ToArray());

    private static async Task<Results<Ok<ChargePointSettingsDto>, ProblemHttpResult>> GetChargePointAsync(
        string id, SettingsService settings, CancellationToken cancellationToken) =>
        (await settings.GetSiteAsync(cancellationToken)).Find(id) is { } cp
            ? TypedResults.Ok(ChargePointSettingsDto.From(cp))
            : ApiProblems.NotFound($"Charge point \"{SiteSettingsValidator.Shown(id)}\" does not exist.");

    private static async Task<Results<Ok<ChargePointSettingsDto>, ProblemHttpResult>> PutChargePointAsync(
        string id, ChargePointSettingsDto body, SettingsService settings, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (body.Id is { } bodyId && bodyId != id)
        {
            return ApiProblems.BadRequest($"The body's id \"{SiteSettingsValidator.Shown(bodyId)}\" differs from the path's \"{SiteSettingsValidator.Shown(id)}\".");
        }

        var outcome = await settings.UpdateSiteAsync(site => site.WithChargePoint(body.ToInstallation(id)), user.UserName(), $"charge point \"{id}\"", cancellationToken);
        return outcome.IsSaved ? TypedResults.Ok(ChargePointSettingsDto.From(outcome.Value!.Find(id)!)) : ApiProblems.From(outcome);
    }

    private static async Task<Results<Ok<ChargePointSettingsDto[]>, ProblemHttpResult>> PutChargePointsAsync(
        ChargePointSettingsDto[] body, SettingsService settings, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (BulkProblem(body) is { } problem)
        {
            return ApiProblems.BadRequest(problem);
        }

        var outcome = await settings.UpdateSiteAsync(
            site => body.Aggregate(site, (s, cp) => s.WithChargePoint(cp.ToInstallation(cp.Id!))),
            user.UserName(),
            string.Create(CultureInfo.InvariantCulture, $"{body.Length} charge points"),
            cancellationToken);
        return outcome.IsSaved
            ? TypedResults.Ok(body.Select(cp => ChargePointSettingsDto.From(outcome.Value!.Find(cp.Id!)!)).ToArray())
            : ApiProblems.From(outcome);
    }

    /// <summary>A bulk list needs an id on every entry, each id once, and at most as many as a site may have.</summary>
    private static string? BulkProblem(ChargePointSettingsDto?[] body)
    {
        if (NullEntry(body, "Charge point") is { } nullEntry)
        {
            return nullEntry;
        }

        if (body.Length > InstallationRules.MaxChargePoints)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The list may have at most {InstallationRules.MaxChargePoints} charge points but has {body.Length}.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < body.Length; k++)
        {
            if (body[k]!.Id is not { Length: > 0 } id)
            {
                return string.Create(CultureInfo.InvariantCulture, $"Charge point {k + 1} of the list has no id.");
            }

            if (!ids.Add(id))
            {
                return $"Charge point \"{SiteSettingsValidator.Shown(id)}\" appears twice in the list.";
            }
        }

        return null;
    }

    /// <summary>A list entry that is null (<c>[null]</c>) is no cluster or charge point.</summary>
    private static string? NullEntry<T>(T?[] body, string what)
        where T : class =>
        Array.IndexOf(body, null) is var k and >= 0 ? string.Create(CultureInfo.InvariantCulture, $"{what} {k + 1} of the list is null.") : null;

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteChargePointAsync(
        string id, SettingsService settings, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var outcome = await settings.UpdateSiteAsync(
            site => site.Find(id) is null ? SettingsEdit<SiteConfiguration>.NotFound($"Charge point \"{SiteSettingsValidator.Shown(id)}\" does not exist.") : site.WithoutChargePoint(id),
            user.UserName(),
            $"the site: charge point \"{id}\" removed",
            cancellationToken);
        return outcome.IsSaved ? TypedResults.NoContent() : ApiProblems.From(outcome);
    }
}
