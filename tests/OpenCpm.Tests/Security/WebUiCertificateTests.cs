using OpenCpm.Data;
using OpenCpm.Security;
using OpenCpm.Tests.Api;
using OpenCpm.Tests.Shared;

namespace OpenCpm.Tests.Security;

public sealed class WebUiCertificateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] HttpsOnAnyPort = ["--WebUi:HttpsPort=0"];

    [Fact]
    public async Task A_valid_pfx_is_served_over_https_at_once_while_http_stays_and_the_previous_one_is_the_way_back()
    {
        await using var app = await OpenCpmApplication.StartAsync(hostArgs: HttpsOnAnyPort);
        var certificates = app.Service<WebUiCertificates>();
        Assert.Empty(certificates.Status().HttpsAddresses);

        var first = TestCertificates.SelfSigned("first");
        Assert.Equal(WebUiCertificateOutcome.Ok, await certificates.InstallAsync(first, TestCertificates.Password, "admin", Ct));
        var https = Assert.Single(certificates.Status().HttpsAddresses);
        using (var client = TestCertificates.PinnedClient(TestCertificates.Thumbprint(first), new Uri(https)))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/healthz", Ct)).StatusCode);
        }

        using (var http = app.CreateClient())
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/healthz", Ct)).StatusCode);
        }

        var second = TestCertificates.SelfSigned("second");
        Assert.True((await certificates.InstallAsync(second, TestCertificates.Password, "admin", Ct)).Done);
        var status = certificates.Status();
        Assert.Equal(TestCertificates.Thumbprint(second), status.Active!.Thumbprint);
        Assert.Equal(TestCertificates.Thumbprint(first), status.Previous!.Thumbprint);
        Assert.True(await TlsProbe.PresentsAsync(Assert.Single(status.HttpsAddresses), TestCertificates.Thumbprint(second), Ct));

        Assert.True((await certificates.UsePreviousAsync("admin", Ct)).Done);
        Assert.True(await TlsProbe.PresentsAsync(Assert.Single(certificates.Status().HttpsAddresses), TestCertificates.Thumbprint(first), Ct));

        Assert.True((await certificates.RemoveAsync("admin", Ct)).Done);
        await Eventually.TrueAsync(() => Task.FromResult(certificates.Status().HttpsAddresses.Count == 0), TimeSpan.FromSeconds(10), "HTTPS stops");
        Assert.Null(certificates.Status().Active);
    }

    [Theory]
    [InlineData("wrong password", "The file could not be opened: it is not a .pfx (PKCS#12) file, or the password is wrong.")]
    [InlineData("expired", "The certificate expired on")]
    [InlineData("client only", "The certificate may not serve a website: its extended key usage lacks server authentication (1.3.6.1.5.5.7.3.1).")]
    [InlineData("short key", "The certificate's RSA key has 1024 bits; at least 2048 are needed.")]
    [InlineData("not a pfx", "The file could not be opened")]
    public async Task A_certificate_that_cannot_serve_is_refused_with_the_reason_and_the_one_in_use_stays(string kind, string reason)
    {
        await using var app = await OpenCpmApplication.StartAsync(hostArgs: HttpsOnAnyPort);
        var certificates = app.Service<WebUiCertificates>();
        var good = TestCertificates.SelfSigned("good");
        Assert.True((await certificates.InstallAsync(good, TestCertificates.Password, "admin", Ct)).Done);

        var (pfx, password) = kind switch
        {
            "wrong password" => (TestCertificates.SelfSigned(), "not-the-password"),
            "expired" => (TestCertificates.SelfSigned(notBefore: DateTimeOffset.UtcNow.AddDays(-30), notAfter: DateTimeOffset.UtcNow.AddDays(-1)), TestCertificates.Password),
            "client only" => (TestCertificates.SelfSigned(serverAuthentication: false), TestCertificates.Password),
            "short key" => (TestCertificates.SelfSigned(rsaBits: 1024), TestCertificates.Password),
            _ => ("-----BEGIN CERTIFICATE-----"u8.ToArray(), TestCertificates.Password),
        };
        var outcome = await certificates.InstallAsync(pfx, password, "admin", Ct);

        Assert.False(outcome.Done);
        Assert.StartsWith(reason, outcome.Problem, StringComparison.Ordinal);
        var status = certificates.Status();
        Assert.Equal(TestCertificates.Thumbprint(good), status.Active!.Thumbprint);
        Assert.True(await TlsProbe.PresentsAsync(Assert.Single(status.HttpsAddresses), TestCertificates.Thumbprint(good), Ct));
        var events = await app.Service<EventLog>().QueryAsync(new EventQuery { Source = WebUiCertificates.EventSource }, Ct);
        Assert.Contains(events.Items, e => e.Message.Contains("was refused, nothing was changed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_restart_https_serves_the_certificate_in_use_and_a_broken_one_falls_back_to_the_one_before()
    {
        using var data = new TempDirectory();
        var first = TestCertificates.SelfSigned("first");
        var second = TestCertificates.SelfSigned("second");
        await using (var app = await OpenCpmApplication.StartAsync(data.Path, hostArgs: HttpsOnAnyPort))
        {
            var certificates = app.Service<WebUiCertificates>();
            Assert.True((await certificates.InstallAsync(first, TestCertificates.Password, "admin", Ct)).Done);
            Assert.True((await certificates.InstallAsync(second, TestCertificates.Password, "admin", Ct)).Done);
        }

        await using (var app = await OpenCpmApplication.StartAsync(data.Path, hostArgs: HttpsOnAnyPort))
        {
            var status = app.Service<WebUiCertificates>().Status();
            Assert.True(await TlsProbe.PresentsAsync(Assert.Single(status.HttpsAddresses), TestCertificates.Thumbprint(second), Ct));
        }

        var files = new WebUiCertificateFiles(data.Path);
        await File.WriteAllTextAsync(files.PathOf(files.ReadState().Active!), "damaged", Ct);
        await using (var app = await OpenCpmApplication.StartAsync(data.Path, hostArgs: HttpsOnAnyPort))
        {
            var status = app.Service<WebUiCertificates>().Status();
            Assert.True(await TlsProbe.PresentsAsync(Assert.Single(status.HttpsAddresses), TestCertificates.Thumbprint(first), Ct));
            var events = await app.Service<EventLog>().QueryAsync(new EventQuery { Source = WebUiCertificates.EventSource }, Ct);
            Assert.Contains(events.Items, e => e.Message.StartsWith("A web UI certificate was not used at start: webui-", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", 8443, "https://127.0.0.1:8443")]
    [InlineData("http://*:80/", 443, "https://*:443")]
    [InlineData("http://[::1]:8080", 8443, "https://[::1]:8443")]
    [InlineData("http://localhost", 8443, "https://localhost:8443")]
    [InlineData("http://[::]", 0, "https://[::]:0")]
    public void The_https_address_keeps_the_host_of_each_http_address(string url, int port, string https) =>
        Assert.Equal(https, OpenCpm.Hosting.KestrelEndpoints.HttpsUrlFor(url, port));
}
