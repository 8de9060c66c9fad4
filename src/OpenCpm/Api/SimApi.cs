using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpm.Settings;
using OpenCpm.Simulation;

namespace OpenCpm.Api;

/// <summary>
/// /api/v1/sim (only in <c>opencpm demo</c>): drives the simulated site — plug and unplug vehicles, hold cards to
/// the readers, set the household load the grid meter sees. Charge points are found by id through the settings
/// and matched to a simulated station by address.
/// </summary>
internal static class SimApi
{
    private const string LogCategory = "OpenCpm.Api.SimApi";

    public static RouteGroupBuilder MapSimApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/sim").WithTags("Simulation (demo)");
        group.MapGet("/chargepoints/{id}", GetAsync).WithName("SimGetStation")
            .WithSummary("The simulated station behind a charge point: its vehicle's state of charge and what it draws.");
        group.MapPost("/chargepoints/{id}/plug", PlugAsync).WithName("SimPlug")
            .WithSummary("Plugs a simulated vehicle into the charge point (phases 1-3, maxCurrentA, batteryWh, initialSoc, targetSoc).");
        group.MapPost("/chargepoints/{id}/unplug", UnplugAsync).WithName("SimUnplug")
            .WithSummary("Unplugs the vehicle from the charge point.");
        group.MapPost("/chargepoints/{id}/swipe", SwipeAsync).WithName("SimSwipe")
            .WithSummary("Holds an RFID card (uid, hex) to the charge point's reader.");
        group.MapGet("/household", GetHousehold).WithName("SimGetHousehold")
            .WithSummary("The non-charging load the simulated grid meter sees, amperes per phase.");
        group.MapPut("/household", PutHousehold).WithName("SimPutHousehold")
            .WithSummary("Sets the non-charging load the simulated grid meter sees (l1, l2, l3 in A; negative = export).");
        group.MapGet("/meter", GetMeter).WithName("SimGetMeter")
            .WithSummary("How the simulated grid meter answers (its fault) and how many requests it has had.");
        group.MapPut("/meter", PutMeter).WithName("SimPutMeter")
            .WithSummary("Makes the simulated grid meter answer normally (none) or fail: silent (a lost meter), exceptionResponse, dropConnection, garbage.");
        return api;
    }

    private static async Task<Results<Ok<SimStationDto>, ProblemHttpResult>> GetAsync(
        string id, SimulatedSite site, SettingsService settings, CancellationToken cancellationToken)
    {
        var (station, missing) = await FindAsync(id, site, settings, cancellationToken);
        return station is null ? missing! : TypedResults.Ok(SimStationDto.From(id, station));
    }

    private static async Task<Results<Ok<SimStationDto>, ProblemHttpResult>> PlugAsync(
        string id, SimPlugRequest body, SimulatedSite site, SettingsService settings, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (station, missing) = await FindAsync(id, site, settings, cancellationToken);
        if (station is null)
        {
            return missing!;
        }

        if (body.Problems() is { Count: > 0 } problems)
        {
            return ApiProblems.BadRequest(string.Join(" ", problems));
        }

        var vehicle = body.ToSpec();
        station.PlugIn(vehicle);
        SimLog.Plugged(loggers.CreateLogger(LogCategory), id, vehicle.Phases, vehicle.MaxCurrentA, vehicle.BatteryWh, vehicle.InitialSoc, vehicle.TargetSoc);
        return TypedResults.Ok(SimStationDto.From(id, station));
    }

    private static async Task<Results<Ok<SimStationDto>, ProblemHttpResult>> UnplugAsync(
        string id, SimulatedSite site, SettingsService settings, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (station, missing) = await FindAsync(id, site, settings, cancellationToken);
        if (station is null)
        {
            return missing!;
        }

        station.Unplug();
        SimLog.Unplugged(loggers.CreateLogger(LogCategory), id);
        return TypedResults.Ok(SimStationDto.From(id, station));
    }

    private static async Task<Results<Ok<SimStationDto>, ProblemHttpResult>> SwipeAsync(
        string id, SimSwipeRequest body, SimulatedSite site, SettingsService settings, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (station, missing) = await FindAsync(id, site, settings, cancellationToken);
        if (station is null)
        {
            return missing!;
        }

        if (body.Problem() is { } problem)
        {
            return ApiProblems.BadRequest(problem);
        }

        station.PresentCard(body.Uid!);
        SimLog.Swiped(loggers.CreateLogger(LogCategory), id);
        return TypedResults.Ok(SimStationDto.From(id, station));
    }

    private static Ok<PhaseCurrentsDto> GetHousehold(SimulatedSite site) => TypedResults.Ok(PhaseCurrentsDto.From(site.HouseholdLoad));

    private static Results<Ok<PhaseCurrentsDto>, ProblemHttpResult> PutHousehold(SimHouseholdRequest body, SimulatedSite site, ILoggerFactory loggers)
    {
        if (body.Problems() is { Count: > 0 } problems)
        {
            return ApiProblems.BadRequest(string.Join(" ", problems));
        }

        site.SetHouseholdLoad(body.ToCurrents());
        SimLog.HouseholdSet(loggers.CreateLogger(LogCategory), site.HouseholdLoad.ToString());
        return TypedResults.Ok(PhaseCurrentsDto.From(site.HouseholdLoad));
    }

    private static Ok<SimMeterDto> GetMeter(SimulatedSite site) => TypedResults.Ok(SimMeterOf(site));

    private static Results<Ok<SimMeterDto>, ProblemHttpResult> PutMeter(SimMeterRequest body, SimulatedSite site, ILoggerFactory loggers)
    {
        if (body.Problem() is { } problem)
        {
            return ApiProblems.BadRequest(problem);
        }

        site.Meter.Fault = body.Fault!.Value;
        SimLog.MeterFaultSet(loggers.CreateLogger(LogCategory), site.Meter.Fault.ToString());
        return TypedResults.Ok(SimMeterOf(site));
    }

    private static SimMeterDto SimMeterOf(SimulatedSite site)
    {
        var fault = site.Meter.Fault.ToString();
        return new SimMeterDto(char.ToLowerInvariant(fault[0]) + fault[1..], site.Meter.RequestCount);
    }

    private static async Task<(SimulatedSiteStation? Station, ProblemHttpResult? Missing)> FindAsync(
        string id, SimulatedSite site, SettingsService settings, CancellationToken cancellationToken)
    {
        var installation = (await settings.GetSiteAsync(cancellationToken)).Find(id);
        if (installation is null)
        {
            return (null, ApiProblems.NotFound($"There is no charge point \"{Core.LoadManagement.SiteSettingsValidator.Shown(id)}\"."));
        }

        var station = IPAddress.TryParse(installation.Address, out var address) ? site.FindStation(address) : null;
        return station is null
            ? (null, ApiProblems.NotFound($"Charge point \"{id}\" is not one of the demo's simulated stations (its address is \"{installation.Address}\")."))
            : (station, null);
    }
}
