using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpm.Core.SmartCharging;
using OpenCpm.SmartCharging;

namespace OpenCpm.Api;

/// <summary>/api/v1/smart-charging: read-only views of the backend's charging profiles, so an operator sees what binds.</summary>
internal static class SmartChargingApi
{
    /// <summary>The longest composite schedule one may ask for (31 days).</summary>
    public const int MaxDurationS = 31 * 86400;

    public static RouteGroupBuilder MapSmartChargingApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/smart-charging").WithTags("Smart charging");
        group.MapGet("/profiles", GetProfiles).WithName("GetChargingProfiles")
            .WithSummary("The installed OCPP charging profiles, the limits they set now (network and per charge point) and when those next change.");
        group.MapGet("/composite", GetComposite).WithName("GetCompositeSchedule")
            .WithSummary("The composite schedule of a connector (0 = the network) from now for durationS seconds, in A or W (unit).");
        return api;
    }

    private static Ok<SmartChargingDto> GetProfiles(SmartChargingService service, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var limits = service.LimitsAt(now);
        var map = service.Connectors;
        var profiles = service.Profiles.Profiles;
        return TypedResults.Ok(new SmartChargingDto(
            now,
            limits.NextChangeAt,
            limits.Site is { } site ? ProfileLimitDto.From(null, 0, site) : null,
            [.. limits.ByChargePoint.Select(kv => ProfileLimitDto.From(kv.Key, map.ConnectorOf(kv.Key), kv.Value)).OrderBy(l => l.ConnectorId)],
            [.. profiles.Select(p => ChargingProfileDto.From(
                p, map.ChargePointAt(p.ConnectorId)?.Id, ChargingProfileTimeline.PeriodAt(p, now, service.TransactionOn(p.ConnectorId))?.Limit))],
            service.Configuration.Keys.ToDictionary(k => k.Key, k => k.Value)));
    }

    private static Results<Ok<CompositeScheduleDto>, ProblemHttpResult> GetComposite(SmartChargingService service, int? connectorId, int? durationS, string? unit = null)
    {
        if (connectorId is not { } connector)
        {
            return ApiProblems.BadRequest("The query parameter 'connectorId' is required: 0 for the network or a charge point's connector.");
        }

        if (durationS is not { } duration || duration is < 1 or > MaxDurationS)
        {
            return ApiProblems.BadRequest(string.Create(CultureInfo.InvariantCulture, $"The query parameter 'durationS' must be 1..{MaxDurationS} seconds but is {durationS?.ToString(CultureInfo.InvariantCulture) ?? "missing"}."));
        }

        ChargingRateUnit? wanted = null;
        if (unit is not null)
        {
            if (!unit.Equals("A", StringComparison.OrdinalIgnoreCase) && !unit.Equals("W", StringComparison.OrdinalIgnoreCase))
            {
                return ApiProblems.BadRequest("The query parameter 'unit' must be A or W.");
            }

            wanted = unit.Equals("W", StringComparison.OrdinalIgnoreCase) ? ChargingRateUnit.W : ChargingRateUnit.A;
        }

        if (service.Composite(connector, duration, wanted) is not { } composite)
        {
            return ApiProblems.NotFound(string.Create(CultureInfo.InvariantCulture, $"There is no connector {connector}: the site has connectors 0 (the network) to {service.Connectors.Count}."));
        }

        return TypedResults.Ok(new CompositeScheduleDto(
            composite.ConnectorId,
            service.Connectors.ChargePointAt(connector)?.Id,
            composite.Start,
            composite.DurationS,
            composite.Unit.ToString(),
            [.. composite.Periods.Select(p => new ChargingSchedulePeriodDto(p.StartPeriodS, (double)ChargingProfileWire.TenthsDown(p.Limit)))]));
    }
}
