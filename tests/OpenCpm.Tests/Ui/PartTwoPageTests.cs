using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using OpenCpm.Data;
using OpenCpm.Settings;
using OpenCpm.Tests.Security;
using OpenCpm.Tests.Shared;
using static Microsoft.Playwright.Assertions;

namespace OpenCpm.Tests.Ui;

/// <summary>The main action of each page of the System and Configuration menus and User Settings, on one shared demo.</summary>
[Collection(BrowserTests.Name)]
public sealed class PartTwoPageTests(BrowserFixture browser, SharedDemo shared) : IClassFixture<SharedDemo>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SettingsService Settings => shared.Demo.Service<SettingsService>();

    [Fact]
    public async Task Test_connection_shows_a_live_reading_of_the_simulated_meter_and_says_why_a_wrong_port_gives_none()
    {
        await using var site = await SignedInAsync();
        var page = site.Page;
        await site.OpenTabAsync("/configuration", "External TCP meter");
        var result = page.GetByRole(AriaRole.Status, new() { Name = "Test reading" });

        await page.GetByRole(AriaRole.Button, new() { Name = "Test connection" }).ClickAsync();
        await Expect(result).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"The meter answered in \d+ ms"));
        await Expect(result).ToContainTextAsync("L1 230 V");
        await site.ScreenshotAsync("configuration-meter-test");

        await page.GetByLabel("TCP port").FillAsync(FreePort.Tcp().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Test connection" }).ClickAsync();
        await Expect(result).ToContainTextAsync("No reading:");
        Assert.Equal(shared.Demo.Site.MeterPort, Settings.Current.Get<MeterSettings>().Port); // a test changes nothing
    }

    [Fact]
    public async Task The_configuration_file_goes_out_and_back_in_through_the_browser_and_a_broken_one_changes_nothing()
    {
        await using var site = await SignedInAsync();
        var page = site.Page;
        using var folder = new TempDirectory();
        await site.OpenTabAsync("/configuration", "Configuration file");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download this controller's file" }).ClickAsync());
        var file = folder.File(download.SuggestedFilename);
        await download.SaveAsAsync(file);
        var text = await File.ReadAllTextAsync(file, Ct);
        Assert.Contains("NominalVoltageV = 230", text, StringComparison.Ordinal);

        await site.OpenTabAsync("/configuration", "Device");
        var device = page.GetByRole(AriaRole.Region, new() { Name = "Controller" });
        await device.GetByLabel("Nominal voltage (V)").FillAsync("220");
        await device.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(device.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        Assert.Equal(220, Settings.Current.Site.Site.NominalVoltageV);

        await site.OpenTabAsync("/configuration", "Configuration file");
        var result = page.GetByRole(AriaRole.Status, new() { Name = "Result of the import" });
        await page.GetByText("Load a file").SetInputFilesAsync(file);
        await Expect(result).ToContainTextAsync($"{Path.GetFileName(file)} was loaded.");
        Assert.Equal(230, Settings.Current.Site.Site.NominalVoltageV);

        await page.GetByText("Load a file").SetInputFilesAsync(new FilePayload
        {
            Name = "broken.conf", MimeType = "text/plain", Buffer = System.Text.Encoding.UTF8.GetBytes(text.Replace("NominalVoltageV = 230", "NominalVoltageV = 9999", StringComparison.Ordinal)),
        });
        await Expect(result).ToContainTextAsync("broken.conf was not loaded; nothing was changed");
        await Expect(result).ToContainTextAsync("NominalVoltageV");
        await site.ScreenshotAsync("configuration-file-refused");
        Assert.Equal(230, Settings.Current.Site.Site.NominalVoltageV);
    }

    [Fact]
    public async Task An_api_token_is_shown_once_opens_the_api_and_is_revoked()
    {
        await using var site = await SignedInAsync();
        var page = site.Page;
        await site.OpenTabAsync("/system", "API access");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("home-automation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("it is shown only this once");
        var token = await page.GetByLabel("The new token").InputValueAsync();
        await site.ScreenshotAsync("system-api-token");

        using var api = shared.Demo.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/status", Ct)).StatusCode);

        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke token home-automation" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table)).Not.ToContainTextAsync("home-automation");
        await Expect(page.GetByLabel("The new token")).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/status", Ct)).StatusCode);
    }

    [Fact]
    public async Task Logs_download_as_a_zip_debug_turns_on_for_a_while_and_off_and_the_event_log_is_cleared()
    {
        await using var site = await SignedInAsync();
        var page = site.Page;
        using var folder = new TempDirectory();
        await site.OpenTabAsync("/system", "Logging");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the logs" }).ClickAsync());
        var zip = folder.File("logs.zip");
        await download.SaveAsAsync(zip);
        using (var archive = ZipFile.OpenRead(zip))
        {
            Assert.NotEmpty(archive.Entries);
        }

        var level = page.GetByRole(AriaRole.Region, new() { Name = "Log level" });
        await level.GetByLabel("DEBUG for (minutes)").FillAsync("5");
        await level.GetByRole(AriaRole.Button, new() { Name = "DEBUG on" }).ClickAsync();
        await Expect(level.GetByRole(AriaRole.Status)).ToContainTextAsync("DEBUG is on until");
        await level.GetByRole(AriaRole.Button, new() { Name = "DEBUG off now" }).ClickAsync();
        await Expect(level.GetByRole(AriaRole.Status)).ToContainTextAsync("The log records from level");

        await site.OpenTabAsync("/configuration", "Device");
        var events = page.GetByRole(AriaRole.Region, new() { Name = "Event log" });
        var log = shared.Demo.Service<EventLog>();
        var newest = (await log.QueryAsync(new EventQuery(), Ct)).Items.Max(e => e.Id);
        await events.GetByRole(AriaRole.Button, new() { Name = "Clear the event log" }).ClickAsync();
        await events.GetByRole(AriaRole.Button, new() { Name = "Yes, clear it" }).ClickAsync();
        await Expect(events.GetByRole(AriaRole.Status)).ToContainTextAsync("The event log was cleared");
        var left = await log.QueryAsync(new EventQuery(), Ct);
        Assert.All(left.Items, e => Assert.True(e.Id > newest, $"an entry from before the clear is left: {e.Message}"));
        Assert.Contains(left.Items, e => e.Message.Contains("admin", StringComparison.Ordinal)); // who cleared it
    }

    [Fact]
    public async Task Authorization_with_a_predefined_token_and_display_texts_over_20_characters_or_with_units_are_checked_on_apply()
    {
        await using var site = await SignedInAsync();
        var page = site.Page;
        await site.OpenTabAsync("/configuration", "Device");
        var authorization = page.GetByRole(AriaRole.Region, new() { Name = "Authorization" });
        await authorization.GetByLabel("Authorization on (RFID card needed)").CheckAsync();
        await authorization.GetByLabel("Predefined token").FillAsync("1A2B3C4D");
        await authorization.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(authorization.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        var saved = Settings.Current.Get<AuthorizationSettings>();
        Assert.True(saved.Enabled);
        Assert.Equal("1A2B3C4D", saved.PredefinedToken);

        await site.OpenTabAsync("/configuration", "Display text");
        await page.GetByLabel("Text of Charging").FillAsync("Charging at full speed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("20");
        Assert.DoesNotContain(Settings.Current.Get<DisplaySettings>().Texts, t => t.Event == DisplayEvent.Charging);

        await page.GetByLabel("Text of Charging").FillAsync("Charging 11 kWh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByText("kWh taken out")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Text of Charging")).ToHaveValueAsync("Charging 11");
        await site.ScreenshotAsync("configuration-display-units");
        Assert.Equal("Charging 11", Settings.Current.Get<DisplaySettings>().Texts.Single(t => t.Event == DisplayEvent.Charging).Text);
    }

    [Fact]
    public async Task The_recovery_key_is_shown_and_drawn_anew_only_with_the_password()
    {
        await using var site = await SignedInAsync();
        var page = site.Page;
        await page.GotoAsync(site.Url("/user"));
        var recovery = page.GetByRole(AriaRole.Region, new() { Name = "Recovery key" });
        await recovery.GetByLabel("Current password").FillAsync("not-the-password");
        await recovery.GetByRole(AriaRole.Button, new() { Name = "Show the key" }).ClickAsync();
        await Expect(recovery.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The current password is wrong.");
        await Expect(recovery.GetByLabel("Recovery key")).ToHaveCountAsync(0);

        await recovery.GetByLabel("Current password").FillAsync(Api.OpenCpmApplication.AdminPassword);
        await recovery.GetByRole(AriaRole.Button, new() { Name = "Draw a new key" }).ClickAsync();
        await Expect(recovery.GetByRole(AriaRole.Status)).ToContainTextAsync("A new recovery key was drawn");
        var key = await recovery.GetByLabel("Recovery key").InputValueAsync();
        Assert.False(string.IsNullOrWhiteSpace(key));

        await recovery.GetByLabel("Current password").FillAsync(Api.OpenCpmApplication.AdminPassword);
        await recovery.GetByRole(AriaRole.Button, new() { Name = "Show the key" }).ClickAsync();
        await Expect(recovery.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        if (await recovery.GetByLabel("Recovery key").CountAsync() > 0)
        {
            await Expect(recovery.GetByLabel("Recovery key")).ToHaveValueAsync(key);
        }
    }

    [Fact]
    public async Task A_web_ui_certificate_switches_the_ui_to_https_a_wrong_password_is_refused_and_the_one_before_or_http_only_is_the_way_back()
    {
        await using var site = await SignedInAsync();
        var page = site.Page;
        var pfx = TestCertificates.SelfSigned("opencpm-ui-test");
        await site.OpenTabAsync("/system", "Web UI certificate");
        var file = new FilePayload { Name = "controller.pfx", MimeType = "application/x-pkcs12", Buffer = pfx };

        await page.GetByLabel("Certificate file (.pfx)").SetInputFilesAsync(file);
        await page.GetByLabel("Password of the file").FillAsync("wrong-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and use" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("the password is wrong");
        await Expect(page.GetByText("None: the web UI answers over HTTP only.")).ToBeVisibleAsync();

        await page.GetByLabel("Certificate file (.pfx)").SetInputFilesAsync(file);
        await page.GetByLabel("Password of the file").FillAsync(TestCertificates.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and use" }).ClickAsync();
        await Expect(page.GetByText("The certificate is in use: HTTPS serves it now.")).ToBeVisibleAsync();
        await site.ScreenshotAsync("system-certificate-installed");
        var https = await page.GetByRole(AriaRole.Link, new() { NameRegex = new("^https:") }).GetAttributeAsync("href");
        Assert.StartsWith("https://127.0.0.1:", https, StringComparison.Ordinal);
        Assert.True(await OpenCpm.Security.TlsProbe.PresentsAsync(https!, TestCertificates.Thumbprint(pfx), Ct));

        // The same browser (its login cookie belongs to the host, whatever the port) goes on over HTTPS.
        await page.GotoAsync(https!);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Status", Level = 1 })).ToBeVisibleAsync();
        Assert.StartsWith("https://", page.Url, StringComparison.Ordinal);
        await site.ScreenshotAsync("status-over-https");

        // The way back: a second certificate, then the one before it again, then HTTPS off.
        var second = TestCertificates.SelfSigned("opencpm-ui-second");
        await site.OpenTabAsync("/system", "Web UI certificate");
        await page.GetByLabel("Certificate file (.pfx)").SetInputFilesAsync(new FilePayload { Name = "second.pfx", MimeType = "application/x-pkcs12", Buffer = second });
        await page.GetByLabel("Password of the file").FillAsync(TestCertificates.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and use" }).ClickAsync();
        await Expect(page.GetByText("The certificate is in use: HTTPS serves it now.")).ToBeVisibleAsync();
        Assert.True(await OpenCpm.Security.TlsProbe.PresentsAsync(HttpsAddress(), TestCertificates.Thumbprint(second), Ct));
        await page.GetByRole(AriaRole.Button, new() { Name = "Use the certificate before" }).ClickAsync();
        await Expect(page.GetByText("HTTPS serves the certificate before this one again.")).ToBeVisibleAsync();
        Assert.True(await OpenCpm.Security.TlsProbe.PresentsAsync(HttpsAddress(), TestCertificates.Thumbprint(pfx), Ct));

        await page.GetByRole(AriaRole.Button, new() { Name = "Turn HTTPS off" }).ClickAsync();
        await Expect(page.GetByText("HTTPS is off: the web UI answers over HTTP only.")).ToBeVisibleAsync();
        await Eventually.TrueAsync(() => shared.Demo.Service<OpenCpm.Security.WebUiCertificates>().Status().HttpsAddresses.Count == 0, TimeSpan.FromSeconds(10), "HTTPS stops");
    }

    [Fact]
    public async Task The_ocpp_backend_settings_apply_with_a_hidden_key_beside_the_live_link_and_each_station_shows_its_dip_switches()
    {
        await using var site = await SignedInAsync();
        var page = site.Page;
        await site.OpenTabAsync("/configuration", "OCPP");
        var link = page.GetByRole(AriaRole.Region, new() { Name = "Connection", Exact = true });
        await Expect(link).ToContainTextAsync("Not configured");
        await Expect(link).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Messages waiting for the backend\s*0"));
        var settings = page.GetByRole(AriaRole.Region, new() { Name = "Backend connection" });
        await settings.GetByLabel("Backend URL (ws:// or wss://)").FillAsync("ws://csms.example:8180/ocpp");
        await settings.GetByLabel("Charge box identity").FillAsync("OPENCPM-UI-1");
        await settings.GetByLabel("Operator name (CpoName, in the charge point certificate request)").FillAsync("Stadtwerke Beispiel");
        await settings.GetByLabel("Security profile").SelectOptionAsync("1");
        await settings.GetByLabel("Authorization key (password)").FillAsync("short");
        await settings.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(settings.GetByRole(AriaRole.Alert)).ToContainTextAsync("16");
        Assert.Null(Settings.Current.Get<OcppBackendSettings>().Url);

        await settings.GetByLabel("Authorization key (password)").FillAsync("0123456789abcdefXYZ");
        await settings.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(settings.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Expect(settings.GetByLabel("Authorization key (password)")).ToHaveValueAsync("");
        await Expect(settings.GetByLabel("Authorization key (password)")).ToHaveAttributeAsync("placeholder", "set (hidden)");
        var saved = Settings.Current.Get<OcppBackendSettings>();
        Assert.Equal(("ws://csms.example:8180/ocpp", "OPENCPM-UI-1", "Stadtwerke Beispiel", 1, "0123456789abcdefXYZ", false), (saved.Url, saved.ChargeBoxId, saved.CpoName, saved.SecurityProfile, saved.AuthorizationKey, saved.Enabled));
        await site.ScreenshotAsync("configuration-ocpp-saved");

        await site.OpenTabAsync("/system", "DSW settings");
        foreach (var station in new[] { "cp1", "cp2", "cp3" })
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 3, NameRegex = new($"^{station} \\(serial") })).ToBeVisibleAsync();
        }
    }

    /// <summary>The HTTPS address now (the demo's HTTPS port is 0: every change of certificate binds a new one).</summary>
    private string HttpsAddress() => Assert.Single(shared.Demo.Service<OpenCpm.Security.WebUiCertificates>().Status().HttpsAddresses);

    private async Task<UiSite> SignedInAsync()
    {
        var site = await UiSite.OpenAsync(browser, shared.Demo);
        await site.LoginAsync();
        return site;
    }
}
