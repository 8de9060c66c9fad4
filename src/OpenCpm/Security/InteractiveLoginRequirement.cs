using Microsoft.AspNetCore.Authorization;
using OpenCpm.Data;

namespace OpenCpm.Security;

/// <summary>
/// Met unless the call is made with an API token: a script's token may not create tokens nor change the password
/// (a leaked token must not become a lasting account). Logins by password (and the web UI's sessions) pass.
/// </summary>
internal sealed class InteractiveLoginRequirement : AuthorizationHandler<InteractiveLoginRequirement>, IAuthorizationRequirement
{
    public const string ApiTokenRefusedMessage =
        "An API token may not do this: log in with the user name and password (POST /api/v1/auth/login) and use that token.";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, InteractiveLoginRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true && !context.User.HasClaim(OpenCpmClaims.TokenKind, nameof(TokenKind.Api)))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, ApiTokenRefusedMessage));
        }

        return Task.CompletedTask;
    }
}
