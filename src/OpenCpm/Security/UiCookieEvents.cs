using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace OpenCpm.Security;

/// <summary>
/// Checks the login token inside the UI cookie on every request: a revoked or expired token signs the browser out;
/// a valid one gives the user as the database has them now (so "must change the password" is never stale).
/// </summary>
internal sealed class UiCookieEvents(TokenService tokens) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var identity = context.Properties.Items.TryGetValue(UiAuthentication.TokenItem, out var token) && token is not null
            ? await tokens.ValidateAsync(token, context.HttpContext.RequestAborted)
            : null;
        if (identity is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(UiAuthentication.CookieScheme);
            return;
        }

        context.ReplacePrincipal(identity.ToPrincipal(UiAuthentication.CookieScheme));
    }
}
