using System.Globalization;
using System.Security.Claims;
using OpenCpm.Data;

namespace OpenCpm.Security;

/// <summary>Who a valid bearer token belongs to.</summary>
internal sealed record TokenIdentity(long TokenId, TokenKind Kind, UserAccount User)
{
    /// <summary>The claims of a caller authenticated with this token (the bearer handler and the web UI's cookie).</summary>
    public ClaimsPrincipal ToPrincipal(string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, User.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, User.Name),
            new(ClaimTypes.Role, User.Role),
            new(OpenCpmClaims.TokenId, TokenId.ToString(CultureInfo.InvariantCulture)),
            new(OpenCpmClaims.TokenKind, Kind.ToString()),
        };
        if (User.MustChangePassword)
        {
            claims.Add(new Claim(OpenCpmClaims.MustChangePassword, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }
}
