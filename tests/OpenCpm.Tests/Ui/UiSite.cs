using System.Net.Http.Json;
using Microsoft.Playwright;
using OpenCpm.Tests.Api;
using OpenCpm.Tests.Demo;

namespace OpenCpm.Tests.Ui;

/// <summary>
/// A demo site (real host on 127.0.0.1:0, simulated KEBA stations and meter) with a browser page on it; disposing
/// closes the page and stops the demo (failing the test on logged errors).
/// </summary>
internal sealed class UiSite : IAsyncDisposable
{
    private readonly bool _ownsDemo;

    private UiSite(DemoApplication demo, IBrowserContext context, IPage page, bool ownsDemo)
    {
        Demo = demo;
        Context = context;
        Page = page;
        _ownsDemo = ownsDemo;
    }

    public DemoApplication Demo { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public string Url(string path) => new Uri(Demo.BaseAddress, path).ToString();

    public static async Task<UiSite> StartAsync(
        BrowserFixture browser, int stations = 3, int clusters = 0, string locale = "en-US", bool generateAdminPassword = false, IReadOnlyList<string>? hostArgs = null)
    {
        var demo = await DemoApplication.StartAsync(stations, clusters, generateAdminPassword: generateAdminPassword, hostArgs: hostArgs);
        var context = await NewContextAsync(browser, locale);
        return new UiSite(demo, context, await context.NewPageAsync(), ownsDemo: true);
    }

    /// <summary>
    /// A browser page of its own on a demo that a test class shares (<see cref="SharedDemo"/>), signed in already when
    /// given the <paramref name="storageState"/> of another context; disposing leaves the demo running.
    /// </summary>
    public static async Task<UiSite> OpenAsync(BrowserFixture browser, DemoApplication demo, string locale = "en-US", string? storageState = null)
    {
        var context = await NewContextAsync(browser, locale, storageState);
        return new UiSite(demo, context, await context.NewPageAsync(), ownsDemo: false);
    }

    /// <summary>A context with its own cookies; self-signed certificates made by a test are accepted (the web UI certificate test).</summary>
    public static async Task<IBrowserContext> NewContextAsync(BrowserFixture browser, string locale = "en-US", string? storageState = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
            IgnoreHTTPSErrors = true,
            StorageState = storageState,
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    /// <summary>Logs in as admin through the login form (the demo's preset password needs no change).</summary>
    public async Task LoginAsync(string password = OpenCpmApplication.AdminPassword)
    {
        await Page.GotoAsync(Url("/"));
        await Page.GetByLabel("User name").FillAsync("admin");
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Status", Level = 1 }).WaitForAsync();
    }

    /// <summary>Fails unless every visible form field has an accessible name (a label, aria-label or aria-labelledby).</summary>
    public async Task AssertEveryFieldIsLabelledAsync()
    {
        var unlabelled = await Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input, select, textarea')]
                .filter(e => e.type !== 'hidden' && e.offsetParent !== null)
                .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby') && !e.closest('label'))
                .map(e => e.outerHTML.slice(0, 160))
            """);
        Assert.Empty(unlabelled);
    }

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png"), FullPage = true });

    /// <summary>A client of the demo's REST API logged in as admin (to drive the simulated site).</summary>
    public Task<HttpClient> ApiAsync() => Demo.CreateClientAsync();

    public static async Task PlugAsync(HttpClient api, string chargePoint)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/sim/chargepoints/{chargePoint}/plug", new { phases = 3, maxCurrentA = 16 }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Opens a tab of a page with tabs (System, Configuration, Charging Network), loading the page afresh.</summary>
    public async Task OpenTabAsync(string path, string tab)
    {
        await Page.GotoAsync(Url(path));
        await Page.GetByRole(AriaRole.Tab, new() { Name = tab, Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = tab, Level = 2, Exact = true }).WaitForAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        if (_ownsDemo)
        {
            await Demo.DisposeAsync();
        }
    }
}
