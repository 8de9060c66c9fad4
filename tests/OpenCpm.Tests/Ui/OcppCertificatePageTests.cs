using Microsoft.Playwright;
using OpenCpm.Ocpp.Certificates;
using OpenCpm.Tests.Ocpp;
using static Microsoft.Playwright.Assertions;

namespace OpenCpm.Tests.Ui;

/// <summary>The OCPP page's certificate table: a root uploaded as a PEM file shows up, a file that is no certificate is refused with the reason, and delete removes it.</summary>
[Collection(BrowserTests.Name)]
public sealed class OcppCertificatePageTests(BrowserFixture browser, SharedDemo shared) : IClassFixture<SharedDemo>
{
    [Fact]
    public async Task A_manufacturer_root_is_uploaded_listed_and_deleted_and_a_file_that_is_no_certificate_is_refused()
    {
        using var pki = new TestPki("UI Manufacturer Root");
        await using var site = await UiSite.OpenAsync(browser, shared.Demo);
        await site.LoginAsync();
        var page = site.Page;
        await site.OpenTabAsync("/configuration", "OCPP");
        var certificates = page.GetByRole(AriaRole.Region, new() { Name = "OCPP certificates" });
        await Expect(certificates.GetByText("No OCPP certificate is installed.")).ToBeVisibleAsync();

        await certificates.GetByLabel("Certificate", new() { Exact = true }).SelectOptionAsync(nameof(CertificateType.ManufacturerRoot));
        await certificates.GetByLabel("File (PEM or .pfx)").SetInputFilesAsync(new FilePayload { Name = "not-a-certificate.pem", MimeType = "text/plain", Buffer = "hello"u8.ToArray() });
        await Expect(certificates.GetByRole(AriaRole.Button, new() { Name = "Upload" })).ToBeEnabledAsync();
        await certificates.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Expect(certificates.GetByText("pfx is not a PKCS#12 (.pfx) file.")).ToBeVisibleAsync();

        await certificates.GetByLabel("File (PEM or .pfx)").SetInputFilesAsync(new FilePayload { Name = "root.pem", MimeType = "application/x-pem-file", Buffer = System.Text.Encoding.ASCII.GetBytes(pki.RootPem) });
        await Expect(certificates.GetByRole(AriaRole.Button, new() { Name = "Upload" })).ToBeEnabledAsync();
        await certificates.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Expect(certificates.GetByRole(AriaRole.Status)).ToContainTextAsync("The certificate is installed");
        var row = certificates.GetByRole(AriaRole.Row).Filter(new() { HasText = "CN=UI Manufacturer Root" });
        await Expect(row).ToContainTextAsync("Manufacturer Root Certificate");
        Assert.Single(shared.Demo.Service<IManufacturerRootCertificates>().ManufacturerRoots());
        await site.ScreenshotAsync("configuration-ocpp-certificates");

        await row.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(certificates.GetByRole(AriaRole.Status)).ToHaveTextAsync("The certificate is deleted.");
        Assert.Empty(shared.Demo.Service<IManufacturerRootCertificates>().ManufacturerRoots());
    }
}
