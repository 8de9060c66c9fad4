using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpm.Data;
using OpenCpm.Stations;

namespace OpenCpm.Api;

/// <summary>/api/v1/network/discovery: searching the LAN for stations (the manual's AmountConnectors).</summary>
internal static class DiscoveryApi
{
    public static RouteGroupBuilder MapDiscoveryApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/network/discovery").WithTags("Network");
        group.MapSettingsDocument<DiscoverySettings, DiscoverySettings>(
            "DiscoverySettings", "the station discovery settings", document => document, (body, _) => body);
        group.MapPost("/search", SearchAsync).WithName("SearchStations").WithSummary("Searches once now; answers how many stations were added.");
        return api;
    }

    private static async Task<Results<Ok<DiscoveryResultDto>, ProblemHttpResult>> SearchAsync(StationDiscovery discovery, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(new DiscoveryResultDto(await discovery.SearchAsync(cancellationToken)));
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Net.Sockets.SocketException)
        {
            return TypedResults.Problem($"The search could not run: {ex.Message}", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
