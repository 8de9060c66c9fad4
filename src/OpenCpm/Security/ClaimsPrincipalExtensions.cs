using System.Globalization;
using System.Security.Claims;

namespace OpenCpm.Security;

internal static class ClaimsPrincipalExtensions
{
    public static int UserId(this ClaimsPrincipal user) =>
        int.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The call is not authenticated."), CultureInfo.InvariantCulture);

    public static long TokenId(this ClaimsPrincipal user) =>
        long.Parse(user.FindFirstValue(OpenCpmClaims.TokenId) ?? throw new InvalidOperationException("The call is not authenticated."), CultureInfo.InvariantCulture);

    public static string UserName(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Name) ?? "";
}
