using Microsoft.AspNetCore.Http;
using OpenCpm.Web;

namespace OpenCpm.Tests.Ui;

public sealed class BrowserLanguageCultureProviderTests
{
    [Theory]
    [InlineData("de-DE", "de")]
    [InlineData("fr-CH,fr;q=0.9,en;q=0.8", "fr")]
    [InlineData("it-IT,de-AT;q=0.8,en;q=0.5", "de")]
    [InlineData("en;q=0.3,fr-FR;q=0.7", "fr")]
    [InlineData("DE-de", "de")]
    [InlineData("de;q=0,en-GB", "en")]
    public async Task The_browser_language_counts_by_its_language_part_best_quality_first(string acceptLanguage, string expected)
    {
        var result = await DetermineAsync(acceptLanguage);

        Assert.Equal(expected, Assert.Single(result!.UICultures).Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("it-IT,es;q=0.5")]
    [InlineData("*")]
    public async Task A_browser_without_a_language_of_the_ui_leaves_the_choice_to_the_default(string acceptLanguage)
    {
        Assert.Null(await DetermineAsync(acceptLanguage));
    }

    private static Task<Microsoft.AspNetCore.Localization.ProviderCultureResult?> DetermineAsync(string acceptLanguage)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptLanguage = acceptLanguage;
        return new BrowserLanguageCultureProvider().DetermineProviderCultureResult(context);
    }
}
