namespace OpenCpm.Security;

/// <summary>
/// Names of the web UI's sign-in: a cookie that carries a login token (<see cref="TokenService"/>), so logging out,
/// a password change and token expiry end UI sessions exactly like API logins. Requests under /api never look at
/// the cookie: the REST API authenticates bearer tokens only.
/// </summary>
internal static class UiAuthentication
{
    /// <summary>The cookie scheme of the web UI.</summary>
    public const string CookieScheme = "OpenCpmUi";

    /// <summary>The default scheme: bearer tokens for /api, the UI cookie for everything else.</summary>
    public const string SelectorScheme = "OpenCpm";

    public const string CookieName = "opencpm_session";

    /// <summary>Where the login token's secret is kept inside the (encrypted) cookie.</summary>
    public const string TokenItem = ".opencpm.token";

    /// <summary>Pages: a signed-in user who need not change their password.</summary>
    public const string Policy = "ui";

    /// <summary>The forced password change: any signed-in user.</summary>
    public const string PasswordChangePolicy = "ui-password-change";

    public const string LoginPath = "/account/login";

    public const string PasswordPath = "/account/password";

    public const string LogoutPath = "/account/logout";

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api");

    /// <summary>Signs the browser in with a login token (a successful login, or the login that follows a first password change).</summary>
    public static Task SignInAsync(HttpContext context, UserAccount user, IssuedToken token)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(token);
        var identity = new TokenIdentity(token.Id, Data.TokenKind.Login, user);
        var properties = new Microsoft.AspNetCore.Authentication.AuthenticationProperties { IsPersistent = false, ExpiresUtc = token.ExpiresAt };
        properties.Items[TokenItem] = token.Token;
        return Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignInAsync(
            context, CookieScheme, identity.ToPrincipal(CookieScheme), properties);
    }
}
