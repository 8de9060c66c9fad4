using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpm.Data;
using OpenCpm.Display;
using OpenCpm.Security;

namespace OpenCpm.Api;

/// <summary>/api/v1/display: the stations' display texts (manual 8.1.6, Display Text).</summary>
internal static class DisplayApi
{
    public static RouteGroupBuilder MapDisplayApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/display").WithTags("Display texts");
        group.MapGet("/", GetAsync).WithName("GetDisplayTexts")
            .WithSummary("Language, on/off, and per event the operator's text and duration with the text each event shows.");
        group.MapPut("/", PutAsync).WithName("PutDisplayTexts")
            .WithSummary("Saves the display texts: at most 20 letters, digits, spaces and . , : ! ? -; Wh and kWh are taken out (notices say so).");
        return api;
    }

    private static async Task<Ok<DisplayTextsDto>> GetAsync(DisplayTexts texts, CancellationToken cancellationToken) =>
        TypedResults.Ok(DisplayTextsDto.From(await texts.GetAsync(cancellationToken), []));

    private static async Task<Results<Ok<DisplayTextsDto>, ProblemHttpResult>> PutAsync(
        DisplaySettings body, DisplayTexts texts, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var outcome = await texts.UpdateAsync(body, user.UserName(), cancellationToken);
        return outcome.Settings is { } saved ? TypedResults.Ok(DisplayTextsDto.From(saved, outcome.Notices)) : ApiProblems.Invalid(outcome.Errors);
    }
}
