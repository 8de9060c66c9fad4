using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpm.Maintenance;
using OpenCpm.Security;

namespace OpenCpm.Api;

/// <summary>
/// /api/v1/system: restart the controller, factory data reset (manual 8.1.5). Both answer first, then the controller
/// stops with the exit code that asks its supervisor to start it again. A station is restarted through its charge
/// point's restart action, where its protocol allows it (a KEBA P30 can't be restarted over UDP).
/// </summary>
internal static class SystemApi
{
    public static RouteGroupBuilder MapSystemApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/system").WithTags("System");
        group.MapPost("/restart", Restart).WithName("RestartController")
            .WithSummary("Restarts the controller (a clean stop; the supervisor starts it again).");
        group.MapPost("/factory-reset", FactoryResetAsync).WithName("FactoryReset")
            .WithSummary("Erases sessions, cards, users, tokens, settings, certificates and logs; needs the caller's password and confirm: true; answers the new first-login password, then restarts.");
        return api;
    }

    private static Accepted<RestartResult> Restart(HttpContext context, ControllerRestart restart, ClaimsPrincipal user)
    {
        var name = user.UserName();
        context.Response.OnCompleted(() =>
        {
            restart.Request($"asked for by {name}");
            return Task.CompletedTask;
        });
        return TypedResults.Accepted((string?)null, new RestartResult("The controller restarts now."));
    }

    private static async Task<Results<Ok<FactoryResetResult>, ProblemHttpResult>> FactoryResetAsync(
        FactoryResetRequest body, HttpContext context, ClaimsPrincipal user, FactoryReset reset, ControllerRestart restart, CancellationToken cancellationToken)
    {
        var outcome = await reset.ResetAsync(user, body.Confirm, body.Password, ClientAddress.Of(context), cancellationToken);
        if (outcome.NotConfirmed)
        {
            return ApiProblems.BadRequest(FactoryResetOutcome.NotConfirmedProblem);
        }

        if (outcome.Password.LockedOut)
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(outcome.Password.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(detail: outcome.Password.Problem, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many wrong passwords");
        }

        if (!outcome.Done)
        {
            return TypedResults.Problem(detail: "The password is wrong: a factory reset needs the current password of the caller.", statusCode: StatusCodes.Status403Forbidden, title: "Password wrong");
        }

        context.Response.OnCompleted(() =>
        {
            restart.Request("factory reset");
            return Task.CompletedTask;
        });
        return TypedResults.Ok(new FactoryResetResult(outcome.NewAdminPassword!, "The controller was reset to its factory settings and restarts now. Log in as admin with this password and change it."));
    }
}
