using System.Net.Http.Json;
using Microsoft.Playwright;
using OpenCpm.Data;
using OpenCpm.Maintenance;
using OpenCpm.Settings;
using OpenCpm.Tests.Shared;
using OpenCpm.Tests.Updates;
using OpenCpm.Updates;
using static Microsoft.Playwright.Assertions;

namespace OpenCpm.Tests.Ui;

/// <summary>
/// The actions of the System menu that end with a restart, each on a demo of its own: a software update through the
/// browser (refused with the reason, then installed) and the factory reset (refused without the password, then done).
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class GraveActionTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unsigned_update_package_is_refused_with_the_reason_and_a_signed_one_is_uploaded_installed_and_restarted_into()
    {
        using var install = new InstallRootFixture();
        var running = new InstalledVersion().Version;
        install.AddVersion(running);
        install.Root.SwitchTo(running);
        var good = await install.PackAsync("99.0.0");
        var unsigned = install.Path + "/unsigned.ocpu";
        File.Copy(good, unsigned);
        using (var zip = System.IO.Compression.ZipFile.Open(unsigned, System.IO.Compression.ZipArchiveMode.Update))
        {
            zip.GetEntry("manifest.sig")!.Delete();
        }

        await using var site = await UiSite.StartAsync(browser, stations: 1, hostArgs: install.HostArgs);
        await site.LoginAsync();
        var page = site.Page;
        await site.OpenTabAsync("/system", "Software update");
        await Expect(page.GetByText("Installed (current)")).ToBeVisibleAsync();

        await page.GetByText("Choose a file").SetInputFilesAsync(unsigned);
        await Expect(page.GetByText("unsigned.ocpu (")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload & Install" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The package has no manifest.sig: it is not signed.");
        Assert.Equal(running, install.Root.Current);
        await site.ScreenshotAsync("system-update-refused");

        await page.GetByText("Choose a file").SetInputFilesAsync(good);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload & Install" }).ClickAsync();
        await Eventually.TrueAsync(() => site.Demo.Service<ControllerRestart>().Requested, TimeSpan.FromSeconds(15), "the controller restarts into the update");
        Assert.Equal("software update to 99.0.0", site.Demo.Service<ControllerRestart>().Reason);
        Assert.Equal(("99.0.0", running), (install.Root.Current, install.Root.Previous));
        Assert.Equal(UpdateStage.Pending, install.Root.ReadState()!.Stage);
    }

    [Fact]
    public async Task A_factory_reset_needs_the_confirmation_and_the_password_then_erases_the_settings_shows_the_new_password_and_restarts()
    {
        await using var site = await UiSite.StartAsync(browser, stations: 1);
        using (var api = await site.ApiAsync())
        {
            (await api.PutAsJsonAsync("/api/v1/authorization", new { enabled = true, predefinedToken = "1A2B3C4D" }, Ct)).EnsureSuccessStatusCode();
        }

        await site.LoginAsync();
        var page = site.Page;
        await site.OpenTabAsync("/system", "Factory data reset");
        var reset = page.GetByRole(AriaRole.Button, new() { Name = "Reset", Exact = true });
        await Expect(reset).ToBeDisabledAsync();

        await page.GetByLabel("Yes, erase everything").CheckAsync();
        await page.GetByLabel("Current password").FillAsync("not-the-password");
        await reset.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The current password is wrong.");
        Assert.True(site.Demo.Service<SettingsService>().Current.Get<AuthorizationSettings>().Enabled);
        Assert.False(site.Demo.Service<ControllerRestart>().Requested);

        await page.GetByLabel("Current password").FillAsync(Api.OpenCpmApplication.AdminPassword);
        await reset.ClickAsync();
        await Expect(page.GetByText("The controller was reset to its factory settings.")).ToBeVisibleAsync();
        var password = await page.Locator("code.secret").TextContentAsync();
        Assert.False(string.IsNullOrWhiteSpace(password));
        await site.ScreenshotAsync("system-reset-done");
        Assert.False(site.Demo.Service<ControllerRestart>().Requested); // not before the password is written down
        await page.GetByRole(AriaRole.Button, new() { Name = "Written down: restart now" }).ClickAsync();
        await Eventually.TrueAsync(() => site.Demo.Service<ControllerRestart>().Requested, TimeSpan.FromSeconds(15), "the controller restarts");
        Assert.Equal("factory reset", site.Demo.Service<ControllerRestart>().Reason);
        Assert.False(site.Demo.Service<SettingsService>().Current.Get<AuthorizationSettings>().Enabled);
        var users = site.Demo.Service<OpenCpm.Security.UserAccounts>();
        Assert.NotNull(await users.AuthenticateAsync("admin", password!.Trim(), Ct));
        Assert.Null(await users.AuthenticateAsync("admin", Api.OpenCpmApplication.AdminPassword, Ct));
    }

    [Fact]
    public async Task Restart_system_asks_first_cancel_changes_nothing_and_yes_restarts_the_controller()
    {
        await using var site = await UiSite.StartAsync(browser, stations: 1);
        await site.LoginAsync();
        var page = site.Page;
        await site.OpenTabAsync("/system", "Restart system");
        await page.GetByRole(AriaRole.Button, new() { Name = "Restart system" }).ClickAsync();
        var question = page.GetByRole(AriaRole.Alertdialog, new() { Name = "Restart the controller now?" });
        await question.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(question).ToHaveCountAsync(0);
        Assert.False(site.Demo.Service<ControllerRestart>().Requested);

        await page.GetByRole(AriaRole.Button, new() { Name = "Restart system" }).ClickAsync();
        await question.GetByRole(AriaRole.Button, new() { Name = "Yes, restart" }).ClickAsync();
        await Eventually.TrueAsync(() => site.Demo.Service<ControllerRestart>().Requested, TimeSpan.FromSeconds(15), "the controller restarts");
        Assert.Equal("asked for by admin in the web UI", site.Demo.Service<ControllerRestart>().Reason);
    }
}
