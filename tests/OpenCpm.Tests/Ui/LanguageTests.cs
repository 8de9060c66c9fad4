using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenCpm.Tests.Ui;

[Collection(BrowserTests.Name)]
public sealed class LanguageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_user_who_chooses_German_gets_every_page_in_German_and_French_works_too()
    {
        await using var site = await UiSite.StartAsync(browser);
        await site.LoginAsync();
        var page = site.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "User menu" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "User Settings" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "User Settings" })).ToBeVisibleAsync();
        await site.AssertEveryFieldIsLabelledAsync();
        await site.ScreenshotAsync("user-settings");

        await page.GetByLabel("Language", new() { Exact = true }).SelectOptionAsync("de");
        await page.GetByLabel("Time format").SelectOptionAsync("TwelveHour");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Benutzereinstellungen" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ladevorgänge" })).ToBeVisibleAsync();
        await Expect(page.GetByText(new System.Text.RegularExpressions.Regex(@"Jetzt: \d{4}-\d\d-\d\d \d{1,2}:\d\d:\d\d [AP]M"))).ToBeVisibleAsync();
        await site.ScreenshotAsync("user-settings-de");

        await page.GetByRole(AriaRole.Link, new() { Name = "Status" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Übersicht" })).ToBeVisibleAsync();
        await site.ScreenshotAsync("status-de");

        await page.GotoAsync(site.Url("/user"));
        await page.GetByLabel("Sprache", new() { Exact = true }).SelectOptionAsync("fr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Übernehmen" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Paramètres d'utilisateur" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
    }
}
