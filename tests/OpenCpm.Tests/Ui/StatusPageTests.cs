using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenCpm.Tests.Ui;

[Collection(BrowserTests.Name)]
public sealed class StatusPageTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Status_page_pages_and_searches_the_stations()
    {
        await using var site = await UiSite.StartAsync(browser, stations: 12);
        await site.LoginAsync();
        var page = site.Page;
        var overview = page.GetByRole(AriaRole.Region, new() { Name = "Overview" });
        var details = overview.GetByRole(AriaRole.Link, new() { NameRegex = new("^Details of") });
        await Expect(details).ToHaveCountAsync(10);
        await Expect(overview).ToContainTextAsync("1–10 of 12");

        await overview.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(details).ToHaveCountAsync(2);

        await page.GetByLabel("Search").FillAsync("90000012");
        await Expect(details).ToHaveCountAsync(1);
        await Expect(details).ToHaveAccessibleNameAsync("Details of cp12");
        await site.ScreenshotAsync("status-search");
    }

    [Fact]
    public async Task A_vehicle_waiting_for_a_card_starts_charging_from_the_actions_menu_and_the_page_follows_live()
    {
        await using var site = await UiSite.StartAsync(browser, stations: 2);
        using var api = await site.ApiAsync();
        (await api.PutAsJsonAsync("/api/v1/authorization", new { enabled = true, predefinedToken = "1A2B3C4D" }, Ct)).EnsureSuccessStatusCode();
        await site.LoginAsync();
        var page = site.Page;
        await UiSite.PlugAsync(api, "cp1");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Details of cp1", Exact = true }) });
        await Expect(row).ToContainTextAsync("Vehicle connected", new() { Timeout = 30_000 });

        await row.GetByRole(AriaRole.Button, new() { Name = "Actions for cp1", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Start charging" }).ClickAsync();
        await Expect(page.GetByText("Start charging: accepted by cp1.")).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("Charging", new() { Timeout = 30_000 });
        await site.ScreenshotAsync("status");

        await page.GetByRole(AriaRole.Link, new() { Name = "Details of cp1", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Charging station cp1" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Limited by")).ToBeVisibleAsync();
        await site.ScreenshotAsync("station-details");
    }

    [Fact]
    public async Task A_lost_grid_meter_is_shown_at_the_top_of_the_status_page_until_it_answers_again()
    {
        await using var site = await UiSite.StartAsync(browser, stations: 1);
        using var api = await site.ApiAsync();
        await site.LoginAsync();
        var page = site.Page;
        var warnings = page.GetByRole(AriaRole.Region, new() { Name = "Needs your attention" });
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Overview" })).ToBeVisibleAsync();
        var meterLost = warnings.GetByText("The grid meter is lost");
        // Nothing to report on a healthy site (a station not yet taken over once made its reservation look like a
        // report the meter could not account for).
        await Expect(warnings).ToHaveCountAsync(0);

        (await api.PutAsJsonAsync("/api/v1/sim/meter", new { fault = "silent" }, Ct)).EnsureSuccessStatusCode();
        await Expect(meterLost).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await site.ScreenshotAsync("status-warning");

        (await api.PutAsJsonAsync("/api/v1/sim/meter", new { fault = "none" }, Ct)).EnsureSuccessStatusCode();
        await Expect(meterLost).ToHaveCountAsync(0, new() { Timeout = 30_000 });
    }
}
