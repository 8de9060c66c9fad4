using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpm.Data;

namespace OpenCpm.Api;

/// <summary>/api/v1/ocpp: the connection to the OCPP backend (CSMS).</summary>
internal static class OcppApi
{
    public static RouteGroupBuilder MapOcppApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/ocpp").WithTags("OCPP backend");
        group.MapGet("/", GetAsync).WithName("GetOcppSettings").WithSummary("The backend connection settings (the authorization key is never shown).");
        group.MapPut("/", PutAsync).WithName("PutOcppSettings").WithSummary("Replaces the backend connection settings.");
        return api;
    }

    private static async Task<Ok<OcppSettingsDto>> GetAsync(SettingsStore settings, CancellationToken cancellationToken) =>
        TypedResults.Ok(OcppSettingsDto.From(await settings.GetAsync<OcppBackendSettings>(cancellationToken)));

    private static async Task<Results<Ok<OcppSettingsDto>, ProblemHttpResult>> PutAsync(OcppSettingsDto body, SettingsStore settings, EventLog events, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var backend = body.ToSettings(await settings.GetAsync<OcppBackendSettings>(cancellationToken));
        var problems = await settings.SaveAsync(backend, cancellationToken);
        if (!problems.IsValid)
        {
            return ApiProblems.Invalid(problems.Errors);
        }

        await events.ChangedAsync(user, "the OCPP backend settings", cancellationToken);
        return TypedResults.Ok(OcppSettingsDto.From(backend));
    }
}
