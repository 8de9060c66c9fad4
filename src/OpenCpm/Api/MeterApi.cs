using OpenCpm.Data;
using OpenCpm.Meter;
using OpenCpm.Protocols.Modbus;
using OpenCpm.Settings;

namespace OpenCpm.Api;

/// <summary>/api/v1/meter: the external grid meter — its settings, connection state and latest reading.</summary>
internal static class MeterApi
{
    public static RouteGroupBuilder MapMeterApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/meter").WithTags("Meter");
        group.MapGet("/", GetAsync).WithName("GetMeter").WithSummary("The grid meter: profile, settings, connection state and latest reading.");
        group.MapSettingsDocument<MeterSettings, MeterSettingsDto, MeterDto>(
            "MeterSettings", "the meter settings", meter => new MeterDto(meter.ProfileId, MeterSettingsDto.From(meter)), (body, _) => body.ToSettings(), mapGet: false);
        return api;
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<MeterDto>> GetAsync(
        SettingsService settings, GridMeterPoller poller, MeterProfileCatalog profiles, CancellationToken cancellationToken)
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
}
