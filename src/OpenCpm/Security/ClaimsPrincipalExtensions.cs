using System.Globalization;
using System.Security.Claims;

namespace OpenCpm.Security;

internal static class ClaimsPrincipalExtensions
{
    public static int UserId(this ClaimsPrincipal user) =>
        int.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The call is not authenticated."), CultureInfo.InvariantCulture);

    public static long TokenId(this ClaimsPrincipal user) =>
        long.Parse(user.FindFirstValue(OpenCpmClaims.TokenId) ?? throw new InvalidOperationException("The call is not authenticated."), CultureInfo.InvariantCulture);

    /// <summary>The bearer token of the call, or null when the caller is not signed in with a token (a web UI session).</summary>
    public static long? TokenIdOrNull(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(OpenCpmClaims.TokenId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string UserName(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Name) ?? "";
}
