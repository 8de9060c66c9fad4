using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace OpenCpm.Security;

/// <summary>
/// A web UI page refused to a user who must change their password first sends the browser to the password change;
/// every other refusal is answered by <paramref name="inner"/> (the API's problem+json).
/// </summary>
internal sealed class UiAuthorizationResultHandler(IAuthorizationMiddlewareResultHandler inner) : IAuthorizationMiddlewareResultHandler
{
    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden && !UiAuthentication.IsApi(context.Request.Path)
            && context.User.HasClaim(c => c.Type == OpenCpmClaims.MustChangePassword))
        {
            context.Response.Redirect(UiAuthentication.PasswordPath);
            return Task.CompletedTask;
        }

        return inner.HandleAsync(next, context, policy, authorizeResult);
    }
}
