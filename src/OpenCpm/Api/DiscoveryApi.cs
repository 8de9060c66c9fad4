using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpm.Control;
using OpenCpm.Data;

namespace OpenCpm.Api;

/// <summary>/api/v1/network/discovery: searching the LAN for KEBA stations (the manual's AmountConnectors).</summary>
internal static class DiscoveryApi
{
    public static RouteGroupBuilder MapDiscoveryApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/network/discovery").WithTags("Network");
        group.MapGet("/", GetAsync).WithName("GetDiscoverySettings").WithSummary("enabled, expectedStations, broadcastAddress, intervalSeconds.");
        group.MapPut("/", PutAsync).WithName("PutDiscoverySettings").WithSummary("Replaces the discovery settings.");
        group.MapPost("/search", SearchAsync).WithName("SearchStations").WithSummary("Searches once now; answers how many stations were added.");
        return api;
    }

    private static async Task<Ok<DiscoverySettings>> GetAsync(SettingsStore settings, CancellationToken cancellationToken) =>
        TypedResults.Ok(await settings.GetAsync<DiscoverySettings>(cancellationToken));

    private static async Task<Results<Ok<DiscoverySettings>, ProblemHttpResult>> PutAsync(
        DiscoverySettings body, SettingsStore settings, EventLog events, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var problems = await settings.SaveAsync(body, cancellationToken);
        if (!problems.IsValid)
        {
            return ApiProblems.Invalid(problems.Errors);
        }

        await events.ChangedAsync(user, "the station discovery settings", cancellationToken);
        return TypedResults.Ok(body);
    }

    private static async Task<Results<Ok<DiscoveryResultDto>, ProblemHttpResult>> SearchAsync(
        SettingsStore settings, IEnumerable<IHostedService> hosted, CancellationToken cancellationToken)
    {
        var discovery = hosted.OfType<StationDiscovery>().Single();
        try
        {
            var added = await discovery.SearchAsync(await settings.GetAsync<DiscoverySettings>(cancellationToken), cancellationToken);
            return TypedResults.Ok(new DiscoveryResultDto(added));
        }
        catch (InvalidOperationException ex)
        {
            return TypedResults.Problem($"The search could not run: {ex.Message}", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
