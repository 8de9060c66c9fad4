using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenCpm.Tests.Ui;

[Collection(BrowserTests.Name)]
public sealed class AccountTests(BrowserFixture browser)
{
    [Fact]
    public async Task First_login_with_the_generated_password_must_change_it_and_a_weak_one_is_refused_with_the_rule_it_breaks()
    {
        await using var site = await UiSite.StartAsync(browser, generateAdminPassword: true);
        var page = site.Page;
        await page.GotoAsync(site.Url("/"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();
        await site.AssertEveryFieldIsLabelledAsync();
        await site.ScreenshotAsync("login");

        // Keyboard only: the user name field has the focus, Tab moves on, Enter submits.
        await page.Keyboard.TypeAsync("admin");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(site.Demo.GeneratedAdminPassword!);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change your password" })).ToBeVisibleAsync();
        await page.GotoAsync(site.Url("/network"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change your password" })).ToBeVisibleAsync();
        await site.AssertEveryFieldIsLabelledAsync();

        await page.GetByLabel("Current password", new() { Exact = true }).FillAsync(site.Demo.GeneratedAdminPassword!);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("aaaBBB1234!");
        await page.GetByLabel("Repeat the new password").FillAsync("aaaBBB1234!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The password must not repeat the same character more than twice in a row.");
        await site.ScreenshotAsync("password-change");

        await page.GetByLabel("Current password", new() { Exact = true }).FillAsync(site.Demo.GeneratedAdminPassword!);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("Site-Admin-2026");
        await page.GetByLabel("Repeat the new password").FillAsync("Site-Admin-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Status", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "User menu" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Logout" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();
        await page.GotoAsync(site.Url("/sessions"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_ui_cookie_opens_no_api_call_and_a_form_post_without_its_anti_forgery_token_is_refused()
    {
        await using var site = await UiSite.StartAsync(browser);
        await site.LoginAsync();
        var request = site.Context.APIRequest;

        var api = await request.GetAsync(site.Url("/api/v1/status"));
        Assert.Equal(401, api.Status);

        var form = request.CreateFormData();
        form.Set("_handler", "login");
        form.Set("Input.UserName", "admin");
        form.Set("Input.Password", Api.OpenCpmApplication.AdminPassword);
        var login = await request.PostAsync(site.Url("/account/login"), new() { Form = form, MaxRedirects = 0 });
        Assert.Equal(400, login.Status);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_login_for_a_while()
    {
        await using var site = await UiSite.StartAsync(browser);
        var page = site.Page;
        await page.GotoAsync(site.Url("/account/login"));
        for (var attempt = 0; attempt < OpenCpm.Security.LoginThrottle.FreeFailures; attempt++)
        {
            await page.GetByLabel("User name").FillAsync("admin");
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync("wrong-password-" + attempt);
            await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        }

        await page.GetByLabel("User name").FillAsync("admin");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Api.OpenCpmApplication.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Too many failed logins");
    }
}
