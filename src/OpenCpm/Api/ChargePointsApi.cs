using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpm.Control;
using OpenCpm.Core.LoadManagement;
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

    private static Ok<IReadOnlyList<ChargePointDto>> List(SiteSnapshots site) =>
        TypedResults.Ok<IReadOnlyList<ChargePointDto>>([.. site.Current.ChargePoints.Select(ChargePointDto.From)]);

    private static Results<Ok<ChargePointDto>, ProblemHttpResult> Get(string id, SiteSnapshots site) =>
        site.Current.Find(id) is { } chargePoint ? TypedResults.Ok(ChargePointDto.From(chargePoint)) : ApiProblems.NotFound($"There is no charge point \"{SiteSettingsValidator.Shown(id)}\".");

    private static async Task<Results<Ok<ActionResultDto>, ProblemHttpResult>> ActAsync(
        string id, string action, ActionRequest? body, ChargePointCommands commands, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<ChargePointAction>(action, ignoreCase: true, out var which) || !Enum.IsDefined(which) || action.Any(char.IsDigit))
        {
            return ApiProblems.NotFound($"There is no action \"{SiteSettingsValidator.Shown(action)}\"; use start, stop, restart or unlock.");
        }

        if (body?.Problem() is { } problem)
        {
            return ApiProblems.BadRequest(problem);
        }

        var result = await commands.RunAsync(id, which, body?.IdTag is { Length: > 0 } tag ? tag : null, cancellationToken);
        return result.Outcome switch
        {
            ChargePointActionOutcome.Done => TypedResults.Ok(new ActionResultDto(id, action, "accepted")),
            ChargePointActionOutcome.NoSuchChargePoint => ApiProblems.NotFound(result.Message!),
            ChargePointActionOutcome.Invalid => ApiProblems.BadRequest(result.Message!),
            ChargePointActionOutcome.Unsupported => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status501NotImplemented),
            ChargePointActionOutcome.TimedOut => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status504GatewayTimeout),
            _ => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict),
        };
    }
}
