using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpm.Data;

namespace OpenCpm.Api;

/// <summary>/api/v1/meter: the external grid meter (settings; live reading to come with the poller).</summary>
internal static class MeterApi
{
    public static RouteGroupBuilder MapMeterApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/meter").WithTags("Meter");
        group.MapGet("/", GetAsync).WithName("GetMeter").WithSummary("The grid meter: profile and settings.");
        group.MapPut("/", PutAsync).WithName("PutMeterSettings").WithSummary("Replaces the grid meter's settings.");
        return api;
    }

    private static async Task<Ok<MeterDto>> GetAsync(SettingsStore settings, CancellationToken cancellationToken)
    {
        var meter = await settings.GetAsync<MeterSettings>(cancellationToken);
        return TypedResults.Ok(new MeterDto(meter.ProfileId, MeterSettingsDto.From(meter)));
    }

    private static async Task<Results<Ok<MeterDto>, ProblemHttpResult>> PutAsync(MeterSettingsDto body, SettingsStore settings, EventLog events, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var meter = body.ToSettings();
        var problems = await settings.SaveAsync(meter, cancellationToken);
        if (!problems.IsValid)
        {
            return ApiProblems.Invalid(problems.Errors);
        }

        await events.ChangedAsync(user, "the meter settings", cancellationToken);
        return TypedResults.Ok(new MeterDto(meter.ProfileId, MeterSettingsDto.From(meter)));
    }
}
