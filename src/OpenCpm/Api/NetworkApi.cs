using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpm.Core.LoadManagement;
using OpenCpm.Data;
using OpenCpm.Security;

namespace OpenCpm.Api;

/// <summary>/api/v1/network: site limits, clusters and charge point parameters, validated as a whole before saving.</summary>
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
        group.MapGet("/chargepoints/{id}", GetChargePointAsync).WithName("GetChargePointSettings").WithSummary("One charge point's installation and parameters.");
        group.MapPut("/chargepoints/{id}", PutChargePointAsync).WithName("PutChargePointSettings").WithSummary("Adds or replaces one charge point.");
        group.MapDelete("/chargepoints/{id}", DeleteChargePointAsync).WithName("DeleteChargePoint").WithSummary("Removes a charge point from the site.");
        return api;
    }

    private static async Task<Ok<NetworkSettingsDto>> GetSiteAsync(SettingsStore settings, CancellationToken cancellationToken)
    {
        var site = await settings.GetSiteAsync(cancellationToken);
        return TypedResults.Ok(NetworkSettingsDto.From(site, SiteSettingsValidator.Validate(site).Warnings));
    }

    private static async Task<Results<Ok<NetworkSettingsDto>, ProblemHttpResult>> PutSiteAsync(
        NetworkSettingsDto body, SettingsStore settings, EventLog events, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var site = body.ApplyTo(await settings.GetSiteAsync(cancellationToken));
        var problems = await settings.SaveSiteAsync(site, cancellationToken);
        if (!problems.IsValid)
        {
            return ApiProblems.Invalid(problems.Errors);
        }

        await events.ChangedAsync(user, "the charging network settings", cancellationToken);
        return TypedResults.Ok(NetworkSettingsDto.From(site, problems.Warnings));
    }

    private static async Task<Ok<ClusterDto[]>> GetClustersAsync(SettingsStore settings, CancellationToken cancellationToken) =>
        TypedResults.Ok((await settings.GetSiteAsync(cancellationToken)).Clusters.Select(ClusterDto.From).ToArray());

    private static async Task<Results<Ok<ClusterDto[]>, ProblemHttpResult>> PutClustersAsync(
        ClusterDto[] body, SettingsStore settings, EventLog events, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var site = await settings.GetSiteAsync(cancellationToken) with { Clusters = [.. body.Select(c => c.ToSettings())] };
        var problems = await settings.SaveSiteAsync(site, cancellationToken);
        if (!problems.IsValid)
        {
            return ApiProblems.Invalid(problems.Errors);
        }

        await events.ChangedAsync(user, "the clusters", cancellationToken);
        return TypedResults.Ok(site.Clusters.Select(ClusterDto.From).ToArray());
    }

    private static async Task<Ok<ChargePointSettingsDto[]>> ListChargePointsAsync(SettingsStore settings, CancellationToken cancellationToken) =>
        TypedResults.Ok((await settings.GetChargePointsAsync(cancellationToken)).Select(ChargePointSettingsDto.From).ToArray());

    private static async Task<Results<Ok<ChargePointSettingsDto>, ProblemHttpResult>> GetChargePointAsync(
        string id, SettingsStore settings, CancellationToken cancellationToken) =>
        await settings.GetChargePointAsync(id, cancellationToken) is { } cp
            ? TypedResults.Ok(ChargePointSettingsDto.From(cp))
            : ApiProblems.NotFound($"Charge point \"{id}\" does not exist.");

    private static async Task<Results<Ok<ChargePointSettingsDto>, ProblemHttpResult>> PutChargePointAsync(
        string id, ChargePointSettingsDto body, SettingsStore settings, EventLog events, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (body.Id is { } bodyId && bodyId != id)
        {
            return ApiProblems.BadRequest($"The body's id \"{bodyId}\" differs from the path's \"{id}\".");
        }

        var existing = await settings.GetChargePointAsync(id, cancellationToken);
        var problems = await settings.SaveChargePointAsync(body.ToInstallation(id, existing), cancellationToken);
        if (!problems.IsValid)
        {
            return ApiProblems.Invalid(problems.Errors);
        }

        await events.ChangedAsync(user, $"charge point \"{id}\"", cancellationToken);
        var saved = await settings.GetChargePointAsync(id, cancellationToken);
        return TypedResults.Ok(ChargePointSettingsDto.From(saved!));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteChargePointAsync(
        string id, SettingsStore settings, EventLog events, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!await settings.DeleteChargePointAsync(id, cancellationToken))
        {
            return ApiProblems.NotFound($"Charge point \"{id}\" does not exist.");
        }

        await events.InfoAsync(AuditTrail.Source, $"{user.UserName()} removed charge point \"{id}\".", cancellationToken);
        return TypedResults.NoContent();
    }
}
