using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenCpm.Tests.Ui;

[Collection(BrowserTests.Name)]
public sealed class NetworkPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_cluster_limit_applied_in_the_browser_shows_in_the_live_allocation_and_a_bad_one_gets_the_validators_sentence()
    {
        await using var site = await UiSite.StartAsync(browser, stations: 4, clusters: 2);
        await site.LoginAsync();
        var page = site.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Charging Network" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Charging network settings" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Note)).ToContainTextAsync("do not replace the short-circuit and overload protection");
        await site.AssertEveryFieldIsLabelledAsync();
        await site.ScreenshotAsync("network-settings");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Clusters" }).ClickAsync();
        var max = page.GetByLabel("Maximum current of cluster 1");
        await max.FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        var cell = page.GetByRole(AriaRole.Cell).Filter(new() { Has = max });
        await Expect(cell.GetByRole(AriaRole.Alert)).ToContainTextAsync("Cluster \"cluster1\": the maximum current must be more than 0 A but is 0 A.");
        await site.AssertEveryFieldIsLabelledAsync();
        await site.ScreenshotAsync("network-clusters");

        await max.FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved." })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Status" }).ClickAsync();
        var allocation = page.GetByRole(AriaRole.Region, new() { Name = "Allocation" });
        await Expect(allocation.GetByRole(AriaRole.Row).Filter(new() { HasText = "Cluster cluster1" })).ToContainTextAsync("L1 10 A · L2 10 A · L3 10 A");
    }

    [Fact]
    public async Task Clusters_exported_from_the_browser_import_back_and_every_tab_has_labelled_fields()
    {
        await using var site = await UiSite.StartAsync(browser, stations: 3, clusters: 2);
        await site.LoginAsync();
        var page = site.Page;
        await page.GotoAsync(site.Url("/network"));
        await site.AssertEveryFieldIsLabelledAsync();
        await site.ScreenshotAsync("network-preferences");
        await page.GetByLabel("Current limit of cp1").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("must be between 6 and 80 A but is 3 A");
        await page.GetByLabel("Current limit of cp1").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved." })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Clusters" }).ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export" }).ClickAsync());
        var file = Path.Combine(BrowserFixture.ScreenshotDirectory, "clusters.csv");
        await download.SaveAsAsync(file);
        Assert.StartsWith("alias,maxCurrentA,phases,minChargingCurrentA", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));

        await page.GetByLabel("Remove cluster 2").ClickAsync();
        await Expect(page.GetByLabel("Alias of cluster 2")).ToHaveCountAsync(0);
        await page.GetByLabel("Import").SetInputFilesAsync(file);
        await Expect(page.GetByText("2 clusters read from the file")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Alias of cluster 2")).ToHaveValueAsync("cluster2");

        foreach (var tab in new[] { "Charge point parameters", "Network discovery" })
        {
            await page.GetByRole(AriaRole.Tab, new() { Name = tab }).ClickAsync();
            await site.AssertEveryFieldIsLabelledAsync();
            await site.ScreenshotAsync("network-" + tab.Split(' ')[^1].ToLowerInvariant());
        }
    }
}
