using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenCpm.Tests.Ui;

[Collection(BrowserTests.Name)]
public sealed class SessionsPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Sessions_filter_by_station_show_the_active_one_as_PWMCharging_and_export_the_filtered_period()
    {
        await using var site = await UiSite.StartAsync(browser, stations: 3);
        using var api = await site.ApiAsync();
        await UiSite.PlugAsync(api, "cp1");
        await UiSite.PlugAsync(api, "cp2");
        await Shared.Eventually.TrueAsync(
            async () => JsonDocument.Parse(await api.GetStringAsync("/api/v1/sessions", TestContext.Current.CancellationToken)).RootElement.GetProperty("total").GetInt32() >= 2,
            TimeSpan.FromSeconds(45),
            "two sessions are recorded");
        await site.LoginAsync();
        var page = site.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Charging Sessions" }).ClickAsync();
        var table = page.GetByRole(AriaRole.Table);
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "PWMCharging" })).ToHaveCountAsync(2);
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "2 sessions" })).ToBeVisibleAsync();
        await site.AssertEveryFieldIsLabelledAsync();

        await page.GetByLabel("Charging station").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "cp2", Exact = true }).ClickAsync();
        // The choice is made and its list closed before Filter is pressed (a click while the list closes can be lost).
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = "cp2", Exact = true })).ToBeHiddenAsync();
        await Expect(page.GetByLabel("Charging station")).ToContainTextAsync("cp2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "PWMCharging" })).ToHaveCountAsync(1);
        await Expect(table).ToContainTextAsync("cp2");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "1 sessions" })).ToBeVisibleAsync();
        await site.ScreenshotAsync("sessions");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export" }).ClickAsync());
        var file = Path.Combine(BrowserFixture.ScreenshotDirectory, "sessions.csv");
        await download.SaveAsAsync(file);
        var lines = (await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("cp2", lines[1], StringComparison.Ordinal);
    }
}
