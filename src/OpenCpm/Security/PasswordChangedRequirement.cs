using Microsoft.AspNetCore.Authorization;

namespace OpenCpm.Security;

/// <summary>Met when the user does not have to change their password first.</summary>
internal sealed class PasswordChangedRequirement : AuthorizationHandler<PasswordChangedRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PasswordChangedRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true && !context.User.HasClaim(c => c.Type == OpenCpmClaims.MustChangePassword))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, PasswordChangeRequiredMessage));
        }

        return Task.CompletedTask;
    }

    public const string PasswordChangeRequiredMessage =
        "The password must be changed before any other call: POST /api/v1/auth/password with { \"currentPassword\", \"newPassword\" }.";
}
