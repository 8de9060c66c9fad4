using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpm.Data;

namespace OpenCpm.Api;

/// <summary>/api/v1/authorization: whether charging needs a card, and the online/offline authorization modes.</summary>
internal static class AuthorizationApi
{
    public static RouteGroupBuilder MapAuthorizationApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/authorization").WithTags("Authorization");
        group.MapGet("/", GetAsync).WithName("GetAuthorizationSettings").WithSummary("enabled, onlineMode, offlineMode, predefinedToken.");
        group.MapPut("/", PutAsync).WithName("PutAuthorizationSettings").WithSummary("Replaces the authorization settings.");
        return api;
    }

    private static async Task<Ok<AuthorizationSettings>> GetAsync(SettingsStore settings, CancellationToken cancellationToken) =>
        TypedResults.Ok(await settings.GetAsync<AuthorizationSettings>(cancellationToken));

    private static async Task<Results<Ok<AuthorizationSettings>, ProblemHttpResult>> PutAsync(
        AuthorizationSettings body, SettingsStore settings, EventLog events, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var problems = await settings.SaveAsync(body, cancellationToken);
        if (!problems.IsValid)
        {
            return ApiProblems.Invalid(problems.Errors);
        }

        await events.ChangedAsync(user, "the authorization settings", cancellationToken);
        return TypedResults.Ok(body);
    }
}
