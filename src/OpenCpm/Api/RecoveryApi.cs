using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpm.Security;

namespace OpenCpm.Api;

/// <summary>POST /api/v1/auth/recover: a forgotten admin password reset with the recovery key (no token; throttled).</summary>
internal static class RecoveryApi
{
    public static IEndpointRouteBuilder MapRecoveryApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/recover", RecoverAsync).AllowAnonymous().WithTags("Authentication").WithName("Recover")
            .WithSummary("Sets the admin password with the recovery key (newPassword, or a first-login password answered when absent); works while logins are locked out; 429 after repeated wrong keys.");
        return app;
    }

    private static async Task<Results<Ok<RecoverResponse>, ProblemHttpResult>> RecoverAsync(
        RecoverRequest body, HttpContext context, PasswordRecovery recovery, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.RecoveryKey))
        {
            return ApiProblems.BadRequest("The 'recoveryKey' must be given.");
        }

        var address = ClientAddress.Of(context);
        var result = await recovery.RecoverAsync(body.RecoveryKey, body.NewPassword, address, cancellationToken);
        switch (result.Outcome)
        {
            case RecoveryOutcome.Done:
                return TypedResults.Ok(new RecoverResponse(UserAccounts.AdminName, result.FirstLoginPassword));
            case RecoveryOutcome.Throttled:
                context.Response.Headers.RetryAfter = Math.Ceiling(result.RetryAfter!.Value.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(detail: result.Problem, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many wrong recovery keys");
            case RecoveryOutcome.WrongKey:
                return TypedResults.Problem(detail: result.Problem, statusCode: StatusCodes.Status401Unauthorized, title: "Recovery failed");
            default:
                return ApiProblems.BadRequest(result.Problem!);
        }
    }
}
