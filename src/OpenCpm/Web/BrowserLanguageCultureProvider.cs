using Microsoft.AspNetCore.Localization;
using OpenCpm.Data;

namespace OpenCpm.Web;

/// <summary>
/// The browser's language (Accept-Language, best quality first) by its language part: "de-DE" and "de-CH" are German.
/// The host runs in invariant globalization, where "de-DE" has no parent culture "de", so ASP.NET Core's own provider
/// would match only a bare "de" and a browser that sends just "de-DE" (Safari) would get English.
/// </summary>
internal sealed class BrowserLanguageCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var accepted = httpContext.Request.GetTypedHeaders().AcceptLanguage
            .Where(value => value.Quality is not 0)
            .OrderByDescending(value => value.Quality ?? 1);
        foreach (var value in accepted)
        {
            var tag = value.Value.Value ?? "";
            var dash = tag.IndexOf('-', StringComparison.Ordinal);
            var language = (dash < 0 ? tag : tag[..dash]).ToLowerInvariant();
            if (UserPreferences.Languages.Contains(language, StringComparer.Ordinal))
            {
                return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(language));
            }
        }

        return NullProviderCultureResult;
    }
}
