using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpm.Maintenance;
using OpenCpm.Provisioning;
using OpenCpm.Security;

namespace OpenCpm.Api;

/// <summary>
/// /api/v1/system/device: the Device settings (nominal voltage, behaviour after a power failure, USB switches), the
/// clock's synchronisation, each station's DIP switches and firmware facts, and enabling stations held after a power failure.
/// </summary>
internal static class DeviceApi
{
    public static RouteGroupBuilder MapDeviceApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/system/device").WithTags("System");
        group.MapGet("/", (DeviceService device, CancellationToken cancellationToken) => device.GetAsync(cancellationToken)).WithName("GetDevice")
            .WithSummary("Serial, version, device settings, time synchronisation, stations held after a power failure, each station's DIP switches and firmware facts.");
        group.MapPut("/", PutAsync).WithName("PutDevice")
            .WithSummary("Changes the device settings (absent fields keep their value).");
        group.MapPost("/enable", EnableAsync).WithName("EnableHeldStations")
            .WithSummary("Enables stations held at 0 A after a power failure: the listed charge points, or all when none is listed.");
        return api;
    }

    private static async Task<Results<Ok<DeviceInfo>, ProblemHttpResult>> PutAsync(
        DeviceChange body, DeviceService device, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var outcome = await device.UpdateAsync(body, user.UserName(), cancellationToken);
        return outcome.IsSaved ? TypedResults.Ok(await device.GetAsync(cancellationToken)) : ApiProblems.From(outcome);
    }

    private static async Task<Ok<EnableStationsResult>> EnableAsync(
        EnableStationsRequest? body, PowerFailureHold hold, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(new EnableStationsResult(await hold.ReleaseAsync(body?.ChargePoints ?? [], user.UserName(), cancellationToken)));
}
