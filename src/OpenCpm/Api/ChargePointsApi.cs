using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpm.Control;
using OpenCpm.Stations;

namespace OpenCpm.Api;

/// <summary>/api/v1/chargepoints: live state of every charge point and the actions an operator can take.</summary>
internal static class ChargePointsApi
{
    public static RouteGroupBuilder MapChargePointsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/chargepoints", List).WithTags("Charge points").WithName("ListChargePoints")
            .WithSummary("Every charge point: state, setpoint and why, measured currents, energy, phases in use.");
        api.MapGet("/chargepoints/{id}", Get).WithTags("Charge points").WithName("GetChargePoint")
            .WithSummary("One charge point's live state.");
        api.MapPost("/chargepoints/{id}/actions/{action}", ActAsync).WithTags("Charge points").WithName("ChargePointAction")
            .WithSummary("start (optional body { \"idTag\" }), stop, restart or unlock a charge point.");
        return api;
    }

    private static Ok<IReadOnlyList<ChargePointDto>> List(ChargePointRegistry registry) =>
        TypedResults.Ok<IReadOnlyList<ChargePointDto>>([.. registry.Entries.Select(ChargePointDto.From)]);

    private static Results<Ok<ChargePointDto>, ProblemHttpResult> Get(string id, ChargePointRegistry registry) =>
        registry.Find(id) is { } entry ? TypedResults.Ok(ChargePointDto.From(entry)) : ApiProblems.NotFound($"There is no charge point \"{id}\".");

    private static async Task<Results<Ok<ActionResultDto>, ProblemHttpResult>> ActAsync(
        string id, string action, ActionRequest? body, ChargePointRegistry registry, SessionRecorder recorder, CancellationToken cancellationToken)
    {
        if (registry.Find(id) is not { } entry)
        {
            return ApiProblems.NotFound($"There is no charge point \"{id}\".");
        }

        if (entry.Driver is not { } driver)
        {
            return TypedResults.Problem($"Charge point \"{id}\" has no driver for its protocol, so it can't be commanded.", statusCode: StatusCodes.Status409Conflict);
        }

        Task<StationCommandResult>? command = action switch
        {
            "start" => driver.StartAsync(body?.IdTag is { Length: > 0 } tag ? tag : "OPENCPM", cancellationToken),
            "stop" => driver.StopAsync(body?.IdTag, cancellationToken),
            "restart" => driver.RestartAsync(cancellationToken),
            "unlock" => driver.UnlockAsync(cancellationToken),
            _ => null,
        };
        if (command is null)
        {
            return ApiProblems.NotFound($"There is no action \"{action}\"; use start, stop, restart or unlock.");
        }

        var result = await command;
        if (action == "stop" && result.Outcome == StationCommandOutcome.Accepted)
        {
            recorder.NoteRemoteStop(id);
        }

        return result.Outcome switch
        {
            StationCommandOutcome.Accepted => TypedResults.Ok(new ActionResultDto(id, action, "accepted")),
            StationCommandOutcome.Unsupported => TypedResults.Problem($"Charge point \"{id}\" can't {action}: {result.Reason}", statusCode: StatusCodes.Status501NotImplemented),
            StationCommandOutcome.TimedOut => TypedResults.Problem($"Charge point \"{id}\" did not answer the {action} command: {result.Reason}", statusCode: StatusCodes.Status504GatewayTimeout),
            _ => TypedResults.Problem($"Charge point \"{id}\" refused to {action}: {result.Reason}", statusCode: StatusCodes.Status409Conflict),
        };
    }
}
