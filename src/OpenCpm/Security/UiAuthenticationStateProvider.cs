using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace OpenCpm.Security;

/// <summary>
/// The signed-in user of a live web UI connection, rechecked every minute: once their login token is revoked
/// (logout elsewhere, password changed) or expired, the page shows the login again.
/// </summary>
internal sealed class UiAuthenticationStateProvider(TokenService tokens, ILoggerFactory loggerFactory)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        var tokenId = authenticationState.User.FindFirst(OpenCpmClaims.TokenId)?.Value;
        return tokenId is not null
            && long.TryParse(tokenId, CultureInfo.InvariantCulture, out var id)
            && await tokens.IsActiveAsync(id, cancellationToken);
    }
}
