using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using OpenCpm.Security;

namespace OpenCpm.Web;

/// <summary>The web UI's logout: a form post (with its anti-forgery token) that ends the login and the cookie.</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(UiAuthentication.LogoutPath, LogoutAsync)
            .RequireAuthorization(UiAuthentication.PasswordChangePolicy)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, TokenService tokens, CancellationToken cancellationToken)
    {
        var user = context.User;
        if (long.TryParse(user.FindFirstValue(OpenCpmClaims.TokenId), CultureInfo.InvariantCulture, out var tokenId))
        {
            await tokens.RevokeLoginAsync(user.UserId(), tokenId, cancellationToken);
        }

        await context.SignOutAsync(UiAuthentication.CookieScheme);
        return TypedResults.LocalRedirect(UiAuthentication.LoginPath);
    }
}
