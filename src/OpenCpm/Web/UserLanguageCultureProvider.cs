using System.Security.Claims;
using Microsoft.AspNetCore.Localization;
using OpenCpm.Data;

namespace OpenCpm.Web;

/// <summary>The language a signed-in user chose in User Settings (none chosen: the browser's decides).</summary>
internal sealed class UserLanguageCultureProvider : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!int.TryParse(httpContext.User.FindFirstValue(ClaimTypes.NameIdentifier), System.Globalization.CultureInfo.InvariantCulture, out var userId))
        {
            return null;
        }

        var preferences = await httpContext.RequestServices.GetRequiredService<UserPreferencesStore>().GetAsync(userId, httpContext.RequestAborted);
        return preferences.Language is { } language ? new ProviderCultureResult(language) : null;
    }
}
