using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpm.Data;
using OpenCpm.Meter;
using OpenCpm.Protocols.Modbus;

namespace OpenCpm.Api;

/// <summary>/api/v1/meter: the external grid meter — its settings, connection state and latest reading.</summary>
internal static class MeterApi
{
    public static RouteGroupBuilder MapMeterApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/meter").WithTags("Meter");
        group.MapGet("/", GetAsync).WithName("GetMeter").WithSummary("The grid meter: profile, settings, connection state and latest reading.");
        group.MapPut("/", PutAsync).WithName("PutMeterSettings").WithSummary("Replaces the grid meter's settings.");
        return api;
    }

    private static async Task<Ok<MeterDto>> GetAsync(SettingsStore settings, GridMeterPoller poller, MeterProfileCatalog profiles, CancellationToken cancellationToken)
    {
        var meter = await settings.GetAsync<MeterSettings>(cancellationToken);
        var snapshot = poller.Snapshot;
        var state = snapshot.State.ToString();
        return TypedResults.Ok(new MeterDto(meter.ProfileId, MeterSettingsDto.From(meter))
        {
            State = char.ToLowerInvariant(state[0]) + state[1..],
            Reading = snapshot.Reading is { } r ? MeterReadingDto.From(r) : null,
            LastError = snapshot.LastError,
            ProfileVerified = meter.ProfileId is { } id && profiles.Find(id) is { } profile ? !profile.Unverified : null,
        });
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
