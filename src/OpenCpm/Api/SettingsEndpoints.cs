using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpm.Data;
using OpenCpm.Security;
using OpenCpm.Settings;

namespace OpenCpm.Api;

/// <summary>
/// GET and PUT of a settings document (authorization, discovery, OCPP backend, meter): the body is translated to the
/// document (the apply function may keep what the body leaves out, such as a write-only secret), saved through the
/// <see cref="SettingsService"/> (validated, audited, announced) and answered as the document's DTO.
/// </summary>
internal static class SettingsEndpoints
{
    public static RouteGroupBuilder MapSettingsDocument<TDocument, TDto>(
        this RouteGroupBuilder group, string name, string what, Func<TDocument, TDto> toDto, Func<TDto, TDocument, TDocument> apply)
        where TDocument : class, ISettingsDocument<TDocument>
        where TDto : class =>
        group.MapSettingsDocument<TDocument, TDto, TDto>(name, what, toDto, apply);

    /// <summary>As above, with a request body (<typeparamref name="TBody"/>) unlike the answer (<typeparamref name="TDto"/>).</summary>
    public static RouteGroupBuilder MapSettingsDocument<TDocument, TBody, TDto>(
        this RouteGroupBuilder group,
        string name,
        string what,
        Func<TDocument, TDto> toDto,
        Func<TBody, TDocument, TDocument> apply,
        bool mapGet = true)
        where TDocument : class, ISettingsDocument<TDocument>
        where TBody : class
        where TDto : class
    {
        // Handlers as Delegate values: the route-handler analyzer can't follow lambdas over generic types.
        if (mapGet)
        {
            Delegate get = async (SettingsService settings, CancellationToken cancellationToken) =>
                TypedResults.Ok(toDto(await settings.GetAsync<TDocument>(cancellationToken)));
            group.MapGet("/", get).WithName($"Get{name}").WithSummary($"The {what}.");
        }

        Delegate put = async Task<Results<Ok<TDto>, ProblemHttpResult>> (TBody body, SettingsService settings, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        {
            var outcome = await settings.UpdateAsync<TDocument>(stored => apply(body, stored), user.UserName(), what, cancellationToken);
            return outcome.IsSaved ? TypedResults.Ok(toDto(outcome.Value!)) : ApiProblems.From(outcome);
        };
        group.MapPut("/", put).WithName($"Put{name}").WithSummary($"Replaces the {what} (400 with the reasons when they are not valid).");
        return group;
    }
}
