using System.Security.Claims;
using OpenCpm.Security;

namespace OpenCpm.Web;

/// <summary>What a live page knows of who acts: the signed-in user and the address the login throttle counts them under.</summary>
internal static class UiSession
{
    /// <summary>A live page has no request of its own: its login stands for the address in the throttle.</summary>
    public static string Address(ClaimsPrincipal user) => FormattableString.Invariant($"web session {user.TokenIdOrNull()}");
}
