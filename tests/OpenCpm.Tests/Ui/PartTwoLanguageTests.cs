using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenCpm.Tests.Ui;

/// <summary>
/// Every page of the System and Configuration menus, Help, Licenses and User Settings in English, German and French
/// (the browser's language decides, as for a user who chose none): no text is missing, every field is labelled, each
/// language differs from English, and a screenshot of each page (in English; every language with
/// OPENCPM_UI_SCREENSHOTS=all).
/// </summary>
[Collection(BrowserTests.Name)]
public sealed partial class PartTwoLanguageTests(BrowserFixture browser, SharedDemo shared) : IClassFixture<SharedDemo>
{
    private static readonly string[] SystemTabs = ["update", "api", "logging", "dsw", "reset", "certificate", "restart"];

    private static readonly string[] ConfigurationTabs = ["device", "network-connection", "ocpp", "meter", "display", "config-file"];

    [Fact]
    public async Task Every_part_two_page_loads_in_English_German_and_French_with_no_text_missing()
    {
        var english = new Dictionary<string, string>(StringComparer.Ordinal);
        string signedIn;
        await using (var login = await UiSite.OpenAsync(browser, shared.Demo))
        {
            await login.LoginAsync();
            signedIn = await login.Context.StorageStateAsync();
        }

        foreach (var (locale, language) in new[] { ("en-US", "en"), ("de-DE", "de"), ("fr-FR", "fr") })
        {
            // The same login in a browser of another language (the user chose none in User Settings).
            await using var site = await UiSite.OpenAsync(browser, shared.Demo, locale, signedIn);
            var views = new List<(string Name, string Text)>();
            views.AddRange(await TabsAsync(site, "/system", "system", SystemTabs, language));
            await Expect(site.Page.Locator("html")).ToHaveAttributeAsync("lang", language);
            views.AddRange(await TabsAsync(site, "/configuration", "configuration", ConfigurationTabs, language));
            foreach (var (path, name) in new[] { ("/help", "help"), ("/licenses", "licenses"), ("/user", "user-settings") })
            {
                await site.Page.GotoAsync(site.Url(path));
                await site.Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).WaitForAsync();
                views.Add((name, await CheckViewAsync(site, $"{name}-{language}", name == "licenses" ? "table" : null)));
            }

            foreach (var (name, text) in views)
            {
                if (language == "en")
                {
                    english[name] = text;
                }
                else
                {
                    Assert.NotEqual(english[name], text);
                }
            }
        }
    }

    private static async Task<List<(string, string)>> TabsAsync(UiSite site, string path, string menu, string[] names, string language)
    {
        var page = site.Page;
        await page.GotoAsync(site.Url(path));
        var tabs = page.GetByRole(AriaRole.Tab);
        await Expect(tabs).ToHaveCountAsync(names.Length);
        var views = new List<(string, string)>();
        for (var i = 0; i < names.Length; i++)
        {
            var tab = tabs.Nth(i);
            await tab.ClickAsync();
            var title = (await tab.TextContentAsync())!.Trim();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 }).First).ToHaveTextAsync(title);
            var name = $"{menu}-{names[i]}";
            views.Add((name, await CheckViewAsync(site, $"{name}-{language}", null)));
        }

        return views;
    }

    /// <summary>Fails on a text that shows its resource key (what a missing text looks like) or an unlabelled field; returns the page's text.</summary>
    private static async Task<string> CheckViewAsync(UiSite site, string screenshot, string? skip)
    {
        var texts = await site.Page.EvaluateAsync<string[]>(
            """
            skip => {
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                const texts = [];
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const parent = node.parentElement;
                    if (!parent || parent.closest('script, style') || (skip && parent.closest(skip))) continue;
                    if (node.textContent.trim()) texts.push(node.textContent.trim());
                }
                for (const e of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
                    if (skip && e.closest(skip)) continue;
                    for (const a of ['aria-label', 'placeholder', 'title']) if (e.getAttribute(a)) texts.push(e.getAttribute(a));
                }
                return texts;
            }
            """,
            skip);
        var keys = texts.Where(t => ResourceKey().IsMatch(t)).ToList();
        Assert.True(keys.Count == 0, $"{screenshot} shows resource keys instead of texts: {string.Join(" | ", keys)}");
        await site.AssertEveryFieldIsLabelledAsync();
        if (screenshot.EndsWith("-en", StringComparison.Ordinal) || Environment.GetEnvironmentVariable("OPENCPM_UI_SCREENSHOTS") == "all")
        {
            await site.ScreenshotAsync(screenshot);
        }

        return string.Join('\n', texts);
    }

    /// <summary>A key of UiText.resx as IStringLocalizer shows a missing one ("Meter.State.Lost"), not a part of a path or a type name.</summary>
    [GeneratedRegex(@"(?<![\w/\\.:])[A-Z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*)+(?![\w/\\:])")]
    private static partial Regex ResourceKey();
}
